package org.opsconsole.console.ui.data;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opsconsole.console.api.ApiException;
import org.opsconsole.console.ui.fx.FxThread;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a view model's service calls off the FX thread and reports on it: busy while any runs, and
 * one line saying what is happening or what happened. Futures complete on the FX thread.
 */
public final class Calls {

    private static final Logger LOG = Logger.getLogger(Calls.class.getName());

    private final Executor executor;
    private int running;

    // Properties //

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    public Calls(Executor executor) {
        this.executor = executor;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is being done, or the result of the last thing done: a sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    // Commands //

    /** On the FX thread: says {@code doing}, runs {@code call} off it, completes on the FX thread. */
    public <T> CompletableFuture<T> run(String doing, Supplier<T> call) {
        running++;
        busy.set(true);
        say(doing, false);
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(call, executor).whenComplete((value, error) -> FxThread.run(() -> {
            running--;
            busy.set(running > 0);
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    /** On the FX thread: runs {@code call} off it without a word or the busy sign; completes on the FX thread. */
    public <T> CompletableFuture<T> runQuietly(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture.supplyAsync(call, executor).whenComplete((value, error) -> FxThread.run(() -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    /**
     * Reloads a page without a word: shown when it arrives unless {@code stillWanted} says a newer
     * load started meanwhile; when the page has emptied under it (rows deleted elsewhere),
     * {@code reload} loads the right one as usual. Failures are left to the next reload.
     */
    public <T> void reloadQuietly(Supplier<org.opsconsole.model.Page<T>> fetch, java.util.function.BooleanSupplier stillWanted,
                                  java.util.function.Consumer<org.opsconsole.model.Page<T>> show, Runnable reload) {
        runQuietly(fetch).whenComplete((page, error) -> {
            if (error != null || !stillWanted.getAsBoolean()) {
                return;
            }
            if (page.items().isEmpty() && page.offset() > 0) {
                reload.run();
            } else {
                show.accept(page);
            }
        });
    }

    public void say(String sentence, boolean isFailure) {
        message.set(sentence);
        failed.set(isFailure);
    }

    /** The failure's cause as a sentence for an operator. */
    public static String sentence(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ApiException api) {
            return api.getMessage();
        }
        if (cause instanceof ServiceNotRunning stopped) {
            return stopped.getMessage();
        }
        LOG.log(Level.WARNING, "a data call failed unexpectedly", cause);
        return "Something unexpected went wrong: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A call that was not sent because its service is not running. */
    public static final class ServiceNotRunning extends RuntimeException {
        public ServiceNotRunning(String sentence) {
            super(sentence, null, false, false);
        }
    }
}
