package org.opsconsole.console.metrics;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes history rows as CSV: an ISO-8601 time column, then one column per series titled
 * "service metric (unit)". A missing value is an empty cell. Numbers use a dot, whatever the locale.
 */
public final class MetricsCsv {

    private MetricsCsv() {
    }

    public static void write(Writer out, MetricsHistory.Slice slice, List<SeriesKey> columns) throws IOException {
        out.write("time");
        for (SeriesKey key : columns) {
            out.write(',');
            out.write(quote(key.title()));
        }
        out.write('\n');
        double[] times = slice.times();
        for (int row = 0; row < times.length; row++) {
            long millis = Math.round(times[row] * 1000);
            out.write(Instant.ofEpochMilli(millis).toString());
            for (SeriesKey key : columns) {
                out.write(',');
                double value = slice.column(key)[row];
                if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                    out.write(format(value));
                }
            }
            out.write('\n');
        }
        out.flush();
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text) {
        if (text.contains(",") || text.contains("\"")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
