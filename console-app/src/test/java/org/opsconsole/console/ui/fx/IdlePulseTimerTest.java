package org.opsconsole.console.ui.fx;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The frame timer that stops while JavaFX pauses it: it ticks at its period, not at all while paused
 * (but for the idle check), again at once when resumed, and its thread ends when stopped; in the
 * place of JavaFX's own, a window still lays out and draws what changes after a long idle.
 */
@ExtendWith(ApplicationExtension.class)
class IdlePulseTimerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("x");
        stage.setScene(new Scene(new StackPane(label), 300, 100));
        stage.show();
    }

    @Test
    void ticksOnTheFxThreadUntilPausedThenNotUntilResumedAndItsThreadEndsWhenStopped() {
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<IdlePulseTimer> timer = new AtomicReference<>();
        AtomicInteger offFxThread = new AtomicInteger();
        // as JavaFX does: the third tick finds nothing to draw and pauses the timer
        timer.set(new IdlePulseTimer(() -> {
            if (!javafx.application.Platform.isFxApplicationThread()) {
                offFxThread.incrementAndGet();
            }
            if (ticks.incrementAndGet() == 3) {
                timer.get().pause();
            }
        }, TimeUnit.HOURS.toNanos(1)));
        timer.get().start(5);

        await().atMost(PATIENCE).until(() -> timer.get().paused());
        // 40 periods and more: not one tick while paused
        await().during(Duration.ofMillis(200)).atMost(PATIENCE).until(() -> ticks.get() == 3);

        timer.get().resume();
        await().atMost(PATIENCE).until(() -> ticks.get() >= 10);
        assertThat(timer.get().paused()).isFalse();

        timer.get().stop();
        await().atMost(PATIENCE).until(() -> !timer.get().threadAlive());
        assertThat(offFxThread).as("ticks run on the FX thread, as GTK's timer runs them").hasValue(0);
    }

    @Test
    void aPausedTimerStillTicksNowAndThenSoThatAPulseAskedForWhileItPausedIsNotLostForGood() {
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<IdlePulseTimer> timer = new AtomicReference<>();
        // every tick pauses it again (nothing ever to draw): only the idle checks tick
        timer.set(new IdlePulseTimer(() -> {
            ticks.incrementAndGet();
            timer.get().pause();
        }, TimeUnit.MILLISECONDS.toNanos(20)));
        timer.get().start(5);
        try {
            await().atMost(PATIENCE).until(() -> ticks.get() >= 5);
            assertThat(timer.get().paused()).isTrue();
        } finally {
            timer.get().stop();
        }
    }

    @Test
    void inJavaFxsPlaceTheWindowStillShowsAChangeMadeWhileTheTimerWasPaused() throws Exception {
        assertThat(WaitForAsyncUtils.asyncFx(PulseTimerSwap::install).get()).isTrue();
        IdlePulseTimer installed = PulseTimerSwap.installed().orElseThrow();
        double narrow = WaitForAsyncUtils.asyncFx(label::getWidth).get();
        // a change made from another thread, as the services' answers are: laid out on the next pulse
        WaitForAsyncUtils.asyncFx(() -> label.setText("a longer text than before, laid out on a pulse"));
        await().atMost(PATIENCE).until(() -> WaitForAsyncUtils.asyncFx(label::getWidth).get() > narrow * 5);
        // installing again keeps the one that runs
        assertThat(WaitForAsyncUtils.asyncFx(PulseTimerSwap::install).get()).isTrue();
        assertThat(PulseTimerSwap.installed()).containsSame(installed);

        // once nothing moves, JavaFX pauses the timer (unless a window or animation another test left
        // behind in this JVM keeps it going); a change then resumes it
        assumeTrue(becomes(installed::paused, Duration.ofSeconds(5)), "something else in this JVM keeps JavaFX's frames going");
        double before = WaitForAsyncUtils.asyncFx(label::getWidth).get();
        WaitForAsyncUtils.asyncFx(() -> label.setText("x"));
        await().atMost(PATIENCE).until(() -> WaitForAsyncUtils.asyncFx(label::getWidth).get() < before / 5);
    }

    private static boolean becomes(java.util.concurrent.Callable<Boolean> condition, Duration within) {
        try {
            await().atMost(within).until(condition);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException notYet) {
            return false;
        }
    }
}
