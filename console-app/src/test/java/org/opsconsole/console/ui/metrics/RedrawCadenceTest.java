package org.opsconsole.console.ui.metrics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which seconds a scrolling chart is drawn at, for a time axis moving so many pixels a second. */
class RedrawCadenceTest {

    private static List<Integer> drawnSeconds(double pixelsPerSecond, int seconds) {
        RedrawCadence cadence = new RedrawCadence();
        List<Integer> drawn = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            if (cadence.due(1_780_000_000 + second, pixelsPerSecond)) {
                drawn.add(second);
            }
        }
        return drawn;
    }

    @Test
    void aOneMinuteWindowIsDrawnEverySecond() {
        // 440 pixels for 60 s
        assertThat(drawnSeconds(440 / 60.0, 6)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aFiveMinuteWindowIsDrawnOnceTheAxisMovedAFewPixels() {
        // 440 pixels for 300 s: 1.47 pixels a second, drawn every other second
        assertThat(drawnSeconds(440 / 300.0, 7)).containsExactly(0, 2, 4, 6);
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
    void drawNextDrawsTheNextPointWhateverItsTimeAndTimeGoingBackIsDrawn() {
        RedrawCadence cadence = new RedrawCadence();
        double perSecond = 440 / 900.0;
        assertThat(cadence.due(100, perSecond)).isTrue();
        assertThat(cadence.due(101, perSecond)).isFalse();
        cadence.drawNext();
        assertThat(cadence.due(102, perSecond)).as("after drawNext").isTrue();
        assertThat(cadence.due(103, perSecond)).isFalse();
        assertThat(cadence.due(50, perSecond)).as("an earlier time: the history was reloaded").isTrue();
    }
}
