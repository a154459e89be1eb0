package org.opsconsole.console.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl+C during a long command: stops what runs and holds the JVM's exit until the command has
 * written its results, for at most {@code wait} (a second Ctrl+C can't end a shutdown hook, so the
 * wait has an end). Closing it says the results are written and takes the hook away.
 */
final class CtrlC implements AutoCloseable {

    private final Thread hook;
    private final CountDownLatch written = new CountDownLatch(1);

    private CtrlC(String name, Runnable stop, Duration wait, Runnable whenWaitEnds) {
        hook = new Thread(() -> {
            stop.run();
            try {
                if (!written.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    whenWaitEnds.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /** On Ctrl+C: {@code stop}, then wait for {@link #close()}; {@code whenWaitEnds} when it did not come in time. */
    static CtrlC stops(String name, Runnable stop, Duration wait, Runnable whenWaitEnds) {
        CtrlC ctrlC = new CtrlC(name, stop, wait, whenWaitEnds);
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    @Override
    public void close() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }
}
