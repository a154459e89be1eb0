package org.opsconsole.console.ui.fx;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action on the FX thread at a fixed period while a node is on screen (in a scene of a
 * showing window): once as it comes on screen, then every period; off screen its clock is
 * stopped, so a screen that was left wakes no thread at all.
 *
 * <p>Not a {@code Timeline}: while any animation runs, JavaFX makes a frame sixty times a second;
 * the screens' one-second and quarter-second Timelines kept those frames going for as long as the
 * console ran, on every screen, long after their own screens were left.
 */
public final class FxTicker {

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fx-ticker").factory());

    private final Duration period;
    private final Runnable action;
    // kept: the chain from the node to its window's showing flag observes only while referenced
    private final ObservableValue<Boolean> onScreen;
    private final Subscription following;
    // one tick queued on the FX thread at most: a busy FX thread gets no pile of them
    private final AtomicBoolean queued = new AtomicBoolean();
    // set and cleared on the FX thread, where the node comes on and goes off screen
    private ScheduledFuture<?> schedule;

    private FxTicker(Duration period, Node node, Runnable action) {
        this.period = period;
        this.action = action;
        this.onScreen = node.sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        this.following = onScreen.subscribe(this::follow);
    }

    /** Starts ticking: {@code action} every {@code period} while {@code node} is on screen. */
    public static FxTicker every(Duration period, Node node, Runnable action) {
        return new FxTicker(period, node, action);
    }

    /** Whether the clock runs now (on screen), for tests. */
    public boolean ticking() {
        return schedule != null;
    }

    private void follow(boolean shown) {
        if (shown && schedule == null) {
            action.run();
            schedule = CLOCK.scheduleAtFixedRate(this::tick, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        } else if (!shown && schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void tick() {
        if (queued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                queued.set(false);
                if (onScreen.getValue()) {
                    action.run();
                }
            });
        }
    }

    /** Stops for good. */
    public void stop() {
        following.unsubscribe();
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }
}
