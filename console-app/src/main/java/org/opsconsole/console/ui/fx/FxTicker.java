package org.opsconsole.console.ui.fx;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action on the FX thread at a fixed period while a node is on screen (in a scene of a
 * showing window), and not while it is not.
 *
 * <p>Not a {@code Timeline}: while any animation runs, JavaFX makes a frame sixty times a second;
 * the screens' one-second and quarter-second Timelines kept those frames going for as long as the
 * console ran, on every screen, long after their own screens were left.
 */
public final class FxTicker {

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fx-ticker").factory());

    private final Node node;
    private final Runnable action;
    // one tick queued on the FX thread at most: a busy FX thread gets no pile of them
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledFuture<?> schedule;

    private FxTicker(Node node, Runnable action) {
        this.node = node;
        this.action = action;
    }

    /** Starts ticking: {@code action} every {@code period} while {@code node} is on screen. */
    public static FxTicker every(Duration period, Node node, Runnable action) {
        FxTicker ticker = new FxTicker(node, action);
        ticker.schedule = CLOCK.scheduleAtFixedRate(ticker::tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return ticker;
    }

    private void tick() {
        if (queued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                queued.set(false);
                if (onScreen(node)) {
                    action.run();
                }
            });
        }
    }

    /** Stops for good. */
    public void stop() {
        schedule.cancel(false);
    }

    private static boolean onScreen(Node node) {
        Scene scene = node.getScene();
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }
}
