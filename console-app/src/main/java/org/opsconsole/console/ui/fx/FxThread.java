package org.opsconsole.console.ui.fx;

import javafx.application.Platform;

/** Hands results from worker threads to the FX thread. */
public final class FxThread {

    private FxThread() {
    }

    /** Runs now when already on the FX thread, otherwise soon on it. */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
