package org.opsconsole.console.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceTotalsTest {

    private static final SeriesKey A_RATE = new SeriesKey("users @ a:1", Metric.REQUESTS_PER_SECOND);
    private static final SeriesKey B_RATE = new SeriesKey("users @ b:1", Metric.REQUESTS_PER_SECOND);
    private static final SeriesKey A_P99 = new SeriesKey("users @ a:1", Metric.LATENCY_P99);
    private static final SeriesKey B_P99 = new SeriesKey("users @ b:1", Metric.LATENCY_P99);
    private static final List<String> INSTANCES = List.of("users @ a:1", "users @ b:1");

    @Test
    void ratesAddUpAndLatencyIsTheSlowestInstances() {
        Map<SeriesKey, Double> total = InstanceTotals.of("users", INSTANCES,
                Map.of(A_RATE, 100.0, B_RATE, 50.0, A_P99, 3.0, B_P99, 9.0));
        assertThat(total.get(new SeriesKey("users", Metric.REQUESTS_PER_SECOND))).isEqualTo(150.0);
        assertThat(total.get(new SeriesKey("users", Metric.LATENCY_P99))).isEqualTo(9.0);
    }

    @Test
    void anUnreachableInstanceIsLeftOutAndNoneAtAllIsAGap() {
        Map<SeriesKey, Double> one = InstanceTotals.of("users", INSTANCES,
                Map.of(A_RATE, 100.0, B_RATE, Double.NaN, A_P99, 3.0, B_P99, Double.NaN));
        assertThat(one.get(new SeriesKey("users", Metric.REQUESTS_PER_SECOND))).isEqualTo(100.0);
        assertThat(one.get(new SeriesKey("users", Metric.LATENCY_P99))).isEqualTo(3.0);
        Map<SeriesKey, Double> none = InstanceTotals.of("users", INSTANCES, Map.of(A_RATE, Double.NaN));
        assertThat(none.get(new SeriesKey("users", Metric.REQUESTS_PER_SECOND))).isNaN();
    }
}
