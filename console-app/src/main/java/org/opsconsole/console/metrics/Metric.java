package org.opsconsole.console.metrics;

/** The figures the console derives from a service's scrape, each one line on a chart. */
public enum Metric {
    REQUESTS_PER_SECOND("requests/s", "req/s"),
    LATENCY_P50("latency p50", "ms"),
    LATENCY_P95("latency p95", "ms"),
    LATENCY_P99("latency p99", "ms"),
    CLIENT_ERRORS_PER_SECOND("4xx errors/s", "err/s"),
    SERVER_ERRORS_PER_SECOND("5xx errors/s", "err/s"),
    HEAP_USED_MB("heap used", "MiB"),
    LIVE_THREADS("live threads", "threads"),
    DB_POOL_ACTIVE("DB connections in use", "connections"),
    /** An H2 file database's size on disk; NaN for any other database. */
    DB_FILE_MB("database file", "MiB");

    private final String label;
    private final String unit;

    Metric(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
