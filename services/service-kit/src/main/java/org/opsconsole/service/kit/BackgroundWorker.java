package org.opsconsole.service.kit;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A service's background loop on a virtual thread (an event relay, a consumer): started once,
 * stopped by interrupting it and waiting a little, with a doubling back-off for retries and one
 * warning per outage.
 */
public abstract class BackgroundWorker {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private volatile boolean running = true;
    private volatile Thread thread;
    private Duration backoff = FIRST_BACKOFF;
    private boolean failing;

    protected BackgroundWorker(String name) {
        this.name = name;
    }

    /** The loop; return when {@link #running()} turns false or the thread is interrupted. */
    protected abstract void work();

    public void start() {
        thread = Thread.ofVirtual().name(name).start(this::work);
    }

    public void stop() {
        running = false;
        wakeUp();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Called by {@link #stop()} from the stopping thread, before the loop is interrupted: release
     * what an interrupt can't reach (a broker connection whose consumer runs on the client's own
     * threads), so that nothing of this worker acts after {@code stop()} returned.
     */
    protected void wakeUp() {
    }

    protected boolean running() {
        return running;
    }

    /** Waits before the next try, twice as long as the last time (up to 5 s); false when stopped meanwhile. */
    protected boolean backOff() {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            return false;
        }
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        return running;
    }

    /**
     * The last try worked: the next back-off starts short again.
     *
     * @return true when tries had been failing until now
     */
    protected boolean succeeded() {
        backoff = FIRST_BACKOFF;
        boolean recovered = failing;
        failing = false;
        return recovered;
    }

    /**
     * A try failed: logs {@code message} as a warning the first time since the last success, and
     * only at FINE after that, so an outage is one line, not one line per retry.
     */
    protected void failed(Logger log, String message) {
        log.log(failing ? Level.FINE : Level.WARNING, message);
        failing = true;
    }
}
