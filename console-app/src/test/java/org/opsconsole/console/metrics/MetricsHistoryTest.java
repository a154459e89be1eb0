package org.opsconsole.console.metrics;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsHistoryTest {

    private static final SeriesKey USERS_RPS = new SeriesKey("users", Metric.REQUESTS_PER_SECOND);
    private static final SeriesKey ORDERS_RPS = new SeriesKey("orders", Metric.REQUESTS_PER_SECOND);

    @Test
    void keepsTheNewestRowsWhenFull() {
        MetricsHistory history = new MetricsHistory(List.of(USERS_RPS, ORDERS_RPS), 3);
        for (int t = 1; t <= 5; t++) {
            history.append(t, Map.of(USERS_RPS, t * 10.0));
        }
        MetricsHistory.Slice all = history.all();
        assertThat(all.times()).containsExactly(3, 4, 5);
        assertThat(all.column(USERS_RPS)).containsExactly(30, 40, 50);
        assertThat(java.util.Arrays.stream(all.column(ORDERS_RPS)).allMatch(Double::isNaN)).isTrue();
        assertThat(history.latest(USERS_RPS)).isEqualTo(50.0);
    }

    @Test
    void growsBeyondItsFirstAllocationWithoutLosingOrder() {
        MetricsHistory history = new MetricsHistory(List.of(USERS_RPS), 5000);
        for (int t = 0; t < 3000; t++) {
            history.append(t, Map.of(USERS_RPS, (double) t));
        }
        assertThat(history.size()).isEqualTo(3000);
        MetricsHistory.Slice recent = history.since(2990);
        assertThat(recent.times()).hasSize(10).startsWith(2990).endsWith(2999);
        assertThat(recent.column(USERS_RPS)).startsWith(2990).endsWith(2999);
    }

    @Test
    void wrapsAfterGrowing() {
        MetricsHistory history = new MetricsHistory(List.of(USERS_RPS), 1500);
        for (int t = 0; t < 4000; t++) {
            history.append(t, Map.of(USERS_RPS, (double) t));
        }
        MetricsHistory.Slice all = history.all();
        assertThat(all.size()).isEqualTo(1500);
        assertThat(all.times()[0]).isEqualTo(2500);
        assertThat(all.times()[1499]).isEqualTo(3999);
    }

    @Test
    void aSliceStartsAtTheFirstRowAtOrAfterItsTimeWhereverTheRingHasWrapped() {
        MetricsHistory history = new MetricsHistory(List.of(USERS_RPS), 1000);
        for (int t = 0; t < 2700; t++) {
            history.append(t * 2, Map.of(USERS_RPS, (double) t));
        }
        // rows at 3400, 3402, ... 5398
        assertThat(history.since(Double.NEGATIVE_INFINITY).times()).hasSize(1000).startsWith(3400).endsWith(5398);
        assertThat(history.since(3400).times()).hasSize(1000).startsWith(3400);
        assertThat(history.since(3401).times()).hasSize(999).startsWith(3402);
        assertThat(history.since(4000).times()).hasSize(700).startsWith(4000);
        assertThat(history.since(4001).column(USERS_RPS)).hasSize(699).startsWith(2001);
        assertThat(history.since(5398).times()).containsExactly(5398);
        assertThat(history.since(5399).times()).isEmpty();
    }

    @Test
    void exportsCsvWithOneColumnPerSeriesAndEmptyCellsForGaps() throws Exception {
        MetricsHistory history = new MetricsHistory(List.of(USERS_RPS, ORDERS_RPS), 10);
        history.append(1_764_367_200.0, Map.of(USERS_RPS, 12.5, ORDERS_RPS, 3.0));
        history.append(1_764_367_201.0, Map.of(USERS_RPS, Double.NaN, ORDERS_RPS, 4.0));
        StringWriter out = new StringWriter();
        MetricsCsv.write(out, history.all(), List.of(USERS_RPS, ORDERS_RPS));
        assertThat(out.toString()).isEqualTo("""
                time,users requests/s (req/s),orders requests/s (req/s)
                2025-11-28T22:00:00Z,12.500,3
                2025-11-28T22:00:01Z,,4
                """);
    }
}
