package org.opsconsole.console.load.report;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, read from a histogram recorded in microseconds. */
public record Percentiles(double p50, double p90, double p99, double p999, double max, double mean) {

    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0);

    public static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Percentiles(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()), round(micros.getMean() / 1000.0));
    }

    /** One of p50, p90, p99, p999, max, mean by name. */
    public double get(String name) {
        return switch (name) {
            case "p50" -> p50;
            case "p90" -> p90;
            case "p99" -> p99;
            case "p999" -> p999;
            case "max" -> max;
            case "mean" -> mean;
            default -> throw new IllegalArgumentException("no percentile " + name);
        };
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }
}
