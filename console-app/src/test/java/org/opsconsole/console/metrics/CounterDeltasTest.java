package org.opsconsole.console.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CounterDeltasTest {

    private static final Map<String, String> A = Map.of("route", "/a");
    private static final Map<String, String> B = Map.of("route", "/b");

    @Test
    void firstScrapeHasNothingToCompareWith() {
        assertThat(new CounterDeltas().update(Map.of(A, 10.0))).isNaN();
    }

    @Test
    void sumsIncrementsPerSeries() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.update(Map.of(A, 10.0, B, 5.0));
        assertThat(deltas.update(Map.of(A, 15.0, B, 8.0))).isEqualTo(8.0);
    }

    @Test
    void aNewSeriesStartedFromZero() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.update(Map.of(A, 10.0));
        assertThat(deltas.update(Map.of(A, 12.0, B, 3.0))).isEqualTo(5.0);
    }

    @Test
    void aCounterThatWentDownWasResetByARestart() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.update(Map.of(A, 1000.0, B, 50.0));
        // service restarted: counters start again from 0 (B has not been hit yet, so it is absent)
        assertThat(deltas.update(Map.of(A, 7.0))).isEqualTo(7.0);
        assertThat(deltas.update(Map.of(A, 9.0))).isEqualTo(2.0);
    }

    @Test
    void resetStartsANewBaseline() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.update(Map.of(A, 10.0));
        deltas.reset();
        assertThat(deltas.update(Map.of(A, 20.0))).isNaN();
    }
}
