package org.opsconsole.console.metrics;

/** One line of history: a figure of one service. Series of different services never mix. */
public record SeriesKey(String service, Metric metric) {

    /** Column title in exports, e.g. "users latency p99 (ms)". */
    public String title() {
        return service + " " + metric.label() + " (" + metric.unit() + ")";
    }
}
