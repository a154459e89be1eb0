package org.opsconsole.console.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.supervisor.ServiceState;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The training run of the start-up cache ({@code opsconsole --training-run}, made by
 * {@code ./opsconsole} once after each build): once both services run, shows every screen in
 * turn, goes back to the screen the user had, and quits, so that the JVM records what a start
 * loads. Gives up waiting for the services after a minute.
 */
final class TrainingRun {

    /** Long enough on each screen for its steady work (scrapes, redraws) to be profiled for the JIT too. */
    private static final Duration STEP = Duration.millis(2500);
    private static final int PATIENCE_STEPS = 24;

    private TrainingRun() {
    }

    static void start(ConsoleSession session, ConsoleWindow window) {
        Screen usersOwn = window.selected();
        Deque<Screen> screens = new ArrayDeque<>(Arrays.asList(Screen.values()));
        screens.addLast(usersOwn);
        int[] waited = {0};
        Timeline steps = new Timeline();
        steps.getKeyFrames().add(new KeyFrame(STEP, e -> {
            boolean running = session.services().users().status().state() == ServiceState.RUNNING
                    && session.services().orders().status().state() == ServiceState.RUNNING;
            if (!running && ++waited[0] < PATIENCE_STEPS) {
                return;
            }
            if (screens.isEmpty()) {
                steps.stop();
                Platform.exit();
            } else {
                window.select(screens.removeFirst());
            }
        }));
        steps.setCycleCount(Animation.INDEFINITE);
        steps.play();
    }
}
