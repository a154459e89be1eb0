package org.opsconsole.console.metrics;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HistogramQuantilesTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void interpolatesInsideTheBucketTheRankFallsIn() {
        // 100 requests: 50 under 10 ms, 40 between 10 and 20 ms, 10 between 20 and 40 ms
        double[] bounds = {0.010, 0.020, 0.040, INF};
        double[] cumulative = {50, 90, 100, 100};
        assertThat(HistogramQuantiles.quantile(bounds, cumulative, 0.50)).isCloseTo(0.010, within(1e-9));
        assertThat(HistogramQuantiles.quantile(bounds, cumulative, 0.25)).isCloseTo(0.005, within(1e-9));
        // rank 95 is half way through the third bucket: 20 + 20 * 0.5 ms
        assertThat(HistogramQuantiles.quantile(bounds, cumulative, 0.95)).isCloseTo(0.030, within(1e-9));
        assertThat(HistogramQuantiles.quantile(bounds, cumulative, 0.99)).isCloseTo(0.038, within(1e-9));
    }

    @Test
    void aRankInTheInfiniteBucketAnswersTheHighestFiniteBound() {
        double[] bounds = {0.1, 0.5, INF};
        double[] cumulative = {1, 2, 100};
        assertThat(HistogramQuantiles.quantile(bounds, cumulative, 0.99)).isEqualTo(0.5);
    }

    @Test
    void emptyHistogramHasNoQuantile() {
        assertThat(HistogramQuantiles.quantile(new double[] {0.1, INF}, new double[] {0, 0}, 0.5)).isNaN();
        assertThat(HistogramDeltas.quantile(new TreeMap<>(), 0.5)).isNaN();
    }

    @Test
    void deltasMakeTheQuantileDescribeOnlyTheLastInterval() {
        HistogramDeltas deltas = new HistogramDeltas();
        var route = java.util.Map.of("route", "/users");
        // first scrape: 1000 slow requests (all between 0.5 and 1 s) before the interval
        assertThat(deltas.update(java.util.Map.of(route, buckets(0, 0, 1000, 1000)))).isNull();
        // next scrape: 100 fast requests (under 10 ms) during the interval
        TreeMap<Double, Double> filled = deltas.update(java.util.Map.of(route, buckets(100, 100, 1100, 1100)));
        assertThat(HistogramDeltas.quantile(filled, 0.99)).isLessThanOrEqualTo(0.010);
    }

    @Test
    void aResetSeriesCountsItsWholeValue() {
        HistogramDeltas deltas = new HistogramDeltas();
        var route = java.util.Map.of("route", "/users");
        deltas.update(java.util.Map.of(route, buckets(500, 500, 500, 500)));
        TreeMap<Double, Double> afterRestart = deltas.update(java.util.Map.of(route, buckets(3, 5, 5, 5)));
        assertThat(afterRestart.lastEntry().getValue()).isEqualTo(5.0);
        assertThat(afterRestart.firstEntry().getValue()).isEqualTo(3.0);
    }

    private static TreeMap<Double, Double> buckets(double le10ms, double le100ms, double le1s, double inf) {
        TreeMap<Double, Double> b = new TreeMap<>();
        b.put(0.010, le10ms);
        b.put(0.100, le100ms);
        b.put(1.0, le1s);
        b.put(INF, inf);
        return b;
    }
}
