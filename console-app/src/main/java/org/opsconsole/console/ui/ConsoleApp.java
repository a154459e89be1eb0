package org.opsconsole.console.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.opsconsole.console.session.ConsoleSession;

import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JavaFX application: opens the {@link ConsoleWindow} for the session handed over by
 * {@link #launch(ConsoleSession)}, then starts the session (services, scraping, event streams),
 * so the window is up before the services are.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = Logger.getLogger(ConsoleApp.class.getName());
    private static final AtomicReference<ConsoleSession> PENDING = new AtomicReference<>();

    private ConsoleSession session;

    /** Runs the console window until it is closed; returns the exit code. Call from the main thread. */
    public static int launch(ConsoleSession session) {
        PENDING.set(session);
        Application.launch(ConsoleApp.class);
        session.close();
        return 0;
    }

    @Override
    public void start(Stage stage) {
        session = PENDING.getAndSet(null);
        if (session == null) {
            throw new IllegalStateException("ConsoleApp is started through ConsoleApp.launch(session)");
        }
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> showError(error));
        ConsoleWindow window = new ConsoleWindow(session, ConsolePreferences.user(), Platform::exit);
        window.show(stage);
        session.begin();
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }

    private static void showError(Throwable error) {
        LOG.log(Level.SEVERE, "unexpected error in the console window", error);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("Ops Console");
        alert.setHeaderText("Something went wrong");
        alert.setContentText(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        alert.show();
    }
}
