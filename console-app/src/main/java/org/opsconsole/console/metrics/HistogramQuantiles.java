package org.opsconsole.console.metrics;

/**
 * Quantiles from the buckets of a Prometheus histogram, the way {@code histogram_quantile} computes
 * them: find the bucket the rank falls in and interpolate linearly inside it (the first bucket
 * starts at zero). A rank in the {@code +Inf} bucket answers the highest finite bound.
 */
public final class HistogramQuantiles {

    private HistogramQuantiles() {
    }

    /**
     * @param upperBounds bucket bounds ({@code le}), ascending, possibly ending with +Inf
     * @param cumulative  cumulative counts per bucket, same length
     * @param q           the quantile, 0..1
     * @return the estimate, NaN when the histogram is empty
     */
    public static double quantile(double[] upperBounds, double[] cumulative, double q) {
        if (upperBounds.length != cumulative.length) {
            throw new IllegalArgumentException("bounds and counts differ in length");
        }
        int n = upperBounds.length;
        if (n == 0 || cumulative[n - 1] <= 0 || Double.isNaN(q)) {
            return Double.NaN;
        }
        double total = cumulative[n - 1];
        double rank = Math.clamp(q, 0, 1) * total;
        int bucket = 0;
        while (bucket < n - 1 && cumulative[bucket] < rank) {
            bucket++;
        }
        if (Double.isInfinite(upperBounds[bucket])) {
            return bucket == 0 ? Double.NaN : upperBounds[bucket - 1];
        }
        double lower = bucket == 0 ? 0 : upperBounds[bucket - 1];
        double countBelow = bucket == 0 ? 0 : cumulative[bucket - 1];
        double inBucket = cumulative[bucket] - countBelow;
        if (inBucket <= 0) {
            return upperBounds[bucket];
        }
        return lower + (upperBounds[bucket] - lower) * ((rank - countBelow) / inBucket);
    }
}
