package org.opsconsole.console.ui.metrics;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.metrics.MetricsTick;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which seconds a scrolling chart is drawn at, for a time axis moving so many pixels a second. */
class RedrawCadenceTest {

    private static List<Integer> drawnSeconds(double pixelsPerSecond, int seconds) {
        RedrawCadence cadence = new RedrawCadence();
        List<Integer> drawn = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            if (!cadence.offer(tick(second), pixelsPerSecond).isEmpty()) {
                drawn.add(second);
            }
        }
        return drawn;
    }

    private static MetricsTick tick(double second) {
        return new MetricsTick(1_780_000_000 + second, Map.of());
    }

    private static List<Double> seconds(List<MetricsTick> rows) {
        return rows.stream().map(row -> row.epochSeconds() - 1_780_000_000).toList();
    }

    @Test
    void aOneMinuteWindowIsDrawnEverySecond() {
        // 440 pixels for 60 s
        assertThat(drawnSeconds(440 / 60.0, 6)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aFiveMinuteWindowIsDrawnOnceTheAxisMovedAFewPixels() {
        // 440 pixels for 300 s: 1.47 pixels a second, drawn every third second
        assertThat(drawnSeconds(440 / 300.0, 7)).containsExactly(0, 3, 6);
        // 750 pixels (a wide window): 2.5 pixels a second, drawn every other second
        assertThat(drawnSeconds(750 / 300.0, 7)).containsExactly(0, 2, 4, 6);
    }

    @Test
    void aFifteenMinuteWindowIsStillDrawnEveryFewSeconds() {
        // 440 pixels for 900 s: half a pixel a second; never longer than MAX_SECONDS without a draw
        assertThat(drawnSeconds(440 / 900.0, 11)).containsExactly(0, 5, 10);
    }

    @Test
    void aChartNotLaidOutYetIsDrawnEverySecond() {
        assertThat(drawnSeconds(0, 4)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theSecondsHeldAreDrawnTogetherOldestFirst() {
        RedrawCadence cadence = new RedrawCadence();
        double perSecond = 440 / 900.0;
        assertThat(seconds(cadence.offer(tick(0), perSecond))).containsExactly(0.0);
        for (int second = 1; second < 5; second++) {
            assertThat(cadence.offer(tick(second), perSecond)).isEmpty();
        }
        assertThat(seconds(cadence.offer(tick(5), perSecond))).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    }

    @Test
    void drawNextDrawsTheNextSecondAndDropHeldForgetsTheHeldOnes() {
        RedrawCadence cadence = new RedrawCadence();
        double perSecond = 440 / 900.0;
        cadence.offer(tick(0), perSecond);
        assertThat(cadence.offer(tick(1), perSecond)).isEmpty();
        cadence.drawNext();
        assertThat(seconds(cadence.offer(tick(2), perSecond))).as("after drawNext").containsExactly(1.0, 2.0);
        assertThat(cadence.offer(tick(3), perSecond)).isEmpty();
        cadence.dropHeld();
        assertThat(seconds(cadence.offer(tick(-50), perSecond))).as("an earlier time: the history was reloaded")
                .containsExactly(-50.0);
    }
}
