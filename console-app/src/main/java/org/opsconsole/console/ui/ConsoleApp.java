package org.opsconsole.console.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.session.DataFolderLock;
import org.opsconsole.console.session.DataFolders;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JavaFX application: once the toolkit has started, the session (services, scraping, event
 * streams) opens on a thread of its own, the window waits for it and is built while its services
 * start in the background, and the window shows it; when
 * the data folder is in use, the window asks for another folder first.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = Logger.getLogger(ConsoleApp.class.getName());
    private static final String FRAME_RATE_PROPERTY = "javafx.animation.pulse";
    private static final int FRAMES_PER_SECOND = 30;

    /**
     * What {@link #launch} hands to the JavaFX thread: the options, how a session is opened with
     * them, and the session being opened meanwhile (empty when its data folder is in use).
     */
    private record Pending(ConsoleOptions options, Function<ConsoleOptions, ConsoleSession> open,
                           CompletableFuture<Optional<ConsoleSession>> early, boolean trainingRun) {
    }

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();
    private static final AtomicReference<ConsoleSession> OPENED = new AtomicReference<>();

    /**
     * Runs the console window until it is closed; returns the exit code. Call from the main thread.
     * A data folder that another console uses is said in a dialog that offers another folder or Quit.
     */
    public static int launch(ConsoleOptions options, Function<ConsoleOptions, ConsoleSession> open) {
        return launch(options, open, false);
    }

    /**
     * JavaFX's frame timer on Linux (GTK) fires whether or not there is anything to draw: at 60 a
     * second it was a third of an idle window's own CPU (the FX thread 0.65 % of a core on the Logs
     * screen, 0.35 % at 20); at 30 charts and tables still move smoothly. A -D on the command line
     * wins. JavaFX's animation timer prints the rate it was given on stderr as its class loads (a
     * debugging line, "Setting PULSE_DURATION to 30 hz"); it is loaded here with stderr held back.
     */
    private static void limitFrameRate() {
        if (System.getProperty(FRAME_RATE_PROPERTY) != null) {
            return;
        }
        System.setProperty(FRAME_RATE_PROPERTY, String.valueOf(FRAMES_PER_SECOND));
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            Class.forName("com.sun.scenario.animation.AbstractPrimaryTimer", true, Platform.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // another JavaFX: it says the rate once, and the rate still holds
        } finally {
            System.setErr(err);
        }
    }

    /**
     * As {@link #launch(ConsoleOptions, Function)}; a training run shows every screen once the
     * services run and quits (see {@link TrainingRun}).
     */
    public static int launch(ConsoleOptions options, Function<ConsoleOptions, ConsoleSession> open, boolean trainingRun) {
        PENDING.set(new Pending(options, open, new CompletableFuture<>(), trainingRun));
        limitFrameRate();
        Application.launch(ConsoleApp.class);
        closeSession();
        return 0;
    }

    /**
     * Opens the session on a thread of its own; its services start in the background while the
     * window is built. Not before the toolkit has started: while the toolkit starts, JavaFX's GTK library sets an environment variable
     * (GDK_BACKEND), and a thread reading the environment at that moment (the JDK does, loading
     * its management library as a service starts) could crash the JVM (seen once in about 30
     * starts when the services started with the toolkit).
     */
    @Override
    public void init() {
        Pending pending = PENDING.get();
        if (pending == null) {
            return;
        }
        Thread.ofPlatform().name("opsconsole-session-open").daemon().start(() -> {
            try {
                pending.early().complete(Optional.of(begun(pending.open().apply(pending.options()))));
            } catch (DataFolderLock.InUseException inUse) {
                pending.early().complete(Optional.empty());   // the window asks for another folder
            } catch (RuntimeException | Error e) {
                pending.early().completeExceptionally(e);
            }
        });
    }

    /** Stops the session's services, if one was opened (also what SIGTERM does). */
    public static void closeSession() {
        ConsoleSession session = OPENED.get();
        if (session != null) {
            session.close();
        }
    }

    /**
     * Opens a session with {@code options}; while their data folder is in use, asks for another
     * ({@code ask} answers empty for Quit, and then so does this).
     */
    static Optional<ConsoleSession> openAsking(ConsoleOptions options, Function<ConsoleOptions, ConsoleSession> open,
                                               Function<DataFolderLock.InUseException, Optional<Path>> ask) {
        ConsoleOptions tried = options;
        while (true) {
            try {
                return Optional.of(open.apply(tried));
            } catch (DataFolderLock.InUseException inUse) {
                LOG.warning(inUse.getMessage());
                Optional<Path> other = ask.apply(inUse);
                if (other.isEmpty()) {
                    return Optional.empty();
                }
                tried = tried.withFolders(DataFolders.resolve(other.get()));
            }
        }
    }

    @Override
    public void start(Stage stage) {
        Pending pending = PENDING.getAndSet(null);
        if (pending == null) {
            throw new IllegalStateException("ConsoleApp is started through ConsoleApp.launch(options, open)");
        }
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> showError(error));
        Optional<ConsoleSession> opened = pending.early().join().or(() -> openAsking(pending.options(), pending.open(),
                inUse -> new FolderInUseDialog(inUse).showAndWait()).map(ConsoleApp::begun));
        if (opened.isEmpty()) {
            Platform.exit();
            return;
        }
        ConsoleWindow window = new ConsoleWindow(opened.get(), ConsolePreferences.user(), Platform::exit);
        window.show(stage);
        // measured by bench/console-startup.sh against a bare JavaFX window timed the same way
        Platform.runLater(() -> LOG.info(() -> "window shown " + ConsoleSession.sinceJvmStart() + " ms after the JVM started"));
        if (pending.trainingRun()) {
            TrainingRun.start(opened.get(), window);
        }
    }

    /** Keeps {@code session} to close at the end and begins it: scraping, events, the services starting. */
    private static ConsoleSession begun(ConsoleSession session) {
        OPENED.set(session);
        return session.begin();
    }

    @Override
    public void stop() {
        closeSession();
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
