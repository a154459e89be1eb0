package org.opsconsole.console.ui.fx;

import javafx.application.Platform;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A ticker acts on the FX thread while its node is on screen, at once when it comes on, and not at all off it. */
@ExtendWith(ApplicationExtension.class)
class FxTickerTest {

    private final StackPane screen = new StackPane();
    private final Label node = new Label("ticking");
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger offFxThread = new AtomicInteger();
    private FxTicker ticker;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(screen, 200, 100));
        stage.show();
    }

    @Test
    void actsWhileOnScreenAndItsClockStopsOffScreen() throws Exception {
        ticker = FxTicker.every(Duration.ofMillis(20), node, () -> {
            runs.incrementAndGet();
            if (!Platform.isFxApplicationThread()) {
                offFxThread.incrementAndGet();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs).hasValue(0);
        assertThat(ticker.ticking()).isFalse();

        // on screen: once at once, then every period
        int whenShown = WaitForAsyncUtils.asyncFx(() -> {
            screen.getChildren().add(node);
            return runs.get();
        }).get();
        assertThat(whenShown).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 5);
        assertThat(ticker.ticking()).isTrue();

        // off screen: the clock stops, and no tick already queued acts after that
        int whenLeft = WaitForAsyncUtils.asyncFx(() -> {
            screen.getChildren().clear();
            return runs.get();
        }).get();
        assertThat(WaitForAsyncUtils.asyncFx(ticker::ticking).get()).isFalse();
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(runs).hasValue(whenLeft);

        // back on screen, then stopped for good
        WaitForAsyncUtils.asyncFx(() -> screen.getChildren().add(node)).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= whenLeft + 3);
        WaitForAsyncUtils.asyncFx(ticker::stop).get();
        assertThat(WaitForAsyncUtils.asyncFx(ticker::ticking).get()).isFalse();
        assertThat(offFxThread).hasValue(0);
    }

    @Test
    void aNodeInAWindowThatIsNotShowingDoesNotTick() throws Exception {
        StackPane hidden = new StackPane();
        WaitForAsyncUtils.asyncFx(() -> new Scene(hidden, 100, 100)).get();
        ticker = FxTicker.every(Duration.ofMillis(20), node, runs::incrementAndGet);
        WaitForAsyncUtils.asyncFx(() -> hidden.getChildren().add(node)).get();
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(runs).hasValue(0);
        assertThat(WaitForAsyncUtils.asyncFx(ticker::ticking).get()).isFalse();
        ticker.stop();
    }
}
