package org.opsconsole.console.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The requests that landed in each latency bucket between two scrapes, summed over every route,
 * method and status of one service. Each histogram series (one label set without {@code le}) is
 * compared with its own previous counts; a series whose total went down was reset (the service
 * restarted), and then its current counts are the increment.
 */
public final class HistogramDeltas {

    /** Bucket bound -> cumulative count of one series. */
    private Map<Map<String, String>, TreeMap<Double, Double>> previous;

    /**
     * @param current every series of the histogram: labels (without {@code le}) -> bound -> cumulative count
     * @return bound -> cumulative increment over all series, ascending; null on the first call
     */
    public TreeMap<Double, Double> update(Map<Map<String, String>, TreeMap<Double, Double>> current) {
        Map<Map<String, String>, TreeMap<Double, Double>> before = previous;
        previous = new HashMap<>(current);
        if (before == null) {
            return null;
        }
        TreeMap<Double, Double> sum = new TreeMap<>();
        for (Map.Entry<Map<String, String>, TreeMap<Double, Double>> series : current.entrySet()) {
            TreeMap<Double, Double> now = series.getValue();
            TreeMap<Double, Double> then = before.get(series.getKey());
            boolean reset = then == null || total(now) < total(then);
            for (Map.Entry<Double, Double> bucket : now.entrySet()) {
                double base = reset ? 0 : then.getOrDefault(bucket.getKey(), 0.0);
                double increment = Math.max(0, bucket.getValue() - base);
                sum.merge(bucket.getKey(), increment, Double::sum);
            }
        }
        return sum;
    }

    public void reset() {
        previous = null;
    }

    private static double total(TreeMap<Double, Double> buckets) {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /** The quantile of a bucket increment map, NaN when nothing landed. */
    public static double quantile(TreeMap<Double, Double> buckets, double q) {
        if (buckets == null || buckets.isEmpty()) {
            return Double.NaN;
        }
        double[] bounds = new double[buckets.size()];
        double[] counts = new double[buckets.size()];
        int i = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            bounds[i] = bucket.getKey();
            counts[i] = bucket.getValue();
            i++;
        }
        return HistogramQuantiles.quantile(bounds, counts, q);
    }
}
