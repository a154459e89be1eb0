package org.opsconsole.console.ui.fx;

import com.sun.glass.ui.Timer;

import javafx.application.Platform;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * JavaFX's frame timer, on a thread of its own, that really stops while JavaFX pauses it.
 *
 * <p>JavaFX asks its frame timer to pause once nothing has animated or changed for a quarter of a
 * second, and to resume when something does. Only macOS's timer obeys: the Linux (GTK), Windows and
 * headless timers ignore both calls and fire every frame for as long as the window is open, each
 * time waking a thread to find there is nothing to draw. This one parks its thread until resumed.
 *
 * <p>Each tick runs JavaFX's own timer action (it posts a pulse when one is due) on the FX thread,
 * as GTK's timer does. Run on the timer's thread instead, as the Windows and headless timers do,
 * the Load screen's ChartFX charts were drawn again every frame for as long as it was shown (seen
 * in a debugger: each pulse's layout recomputed their data sets' limits, which announced a change
 * and asked for the next pulse); the renderer took 37-44 % of a core. Why the thread matters is
 * JavaFX's and ChartFX's business; running the action where GTK runs it keeps their behaviour.
 * Installed by {@link PulseTimerSwap}.
 */
final class IdlePulseTimer extends Timer {

    /** The longest a paused timer sleeps without a tick (two wake-ups a second, against thirty). */
    static final long IDLE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final long idleCheckNanos;
    private volatile Thread thread;
    private volatile Thread lastStarted;
    private volatile boolean paused;
    // one tick queued on the FX thread at most: a busy FX thread gets no pile of them
    private final AtomicBoolean queued = new AtomicBoolean();

    IdlePulseTimer(Runnable tick) {
        this(tick, IDLE_CHECK_NANOS);
    }

    IdlePulseTimer(Runnable tick, long idleCheckNanos) {
        super(tick);
        this.idleCheckNanos = idleCheckNanos;
    }

    /** Whether JavaFX paused it (nothing to draw), for tests. */
    boolean paused() {
        return paused;
    }

    /** Whether the thread it last started still runs, for tests. */
    boolean threadAlive() {
        Thread started = lastStarted;
        return started != null && started.isAlive();
    }

    @Override
    protected long _start(Runnable tick) {
        throw new UnsupportedOperationException("no display-synchronised timer here; a period is needed");
    }

    @Override
    protected long _start(Runnable tick, int periodMillis) {
        long period = TimeUnit.MILLISECONDS.toNanos(Math.max(1, periodMillis));
        paused = false;
        Thread started = Thread.ofPlatform().daemon().name("fx-pulse-timer").unstarted(() -> ticks(tick, period));
        thread = started;
        lastStarted = started;
        started.start();
        return started.threadId();
    }

    @Override
    protected void _stop(long timer) {
        Thread stopped = thread;
        thread = null;
        LockSupport.unpark(stopped);
    }

    /** Called by JavaFX on the FX thread, from a tick. */
    @Override
    protected void _pause(long timer) {
        paused = true;
    }

    /** Called by JavaFX from any thread when something needs drawing or animating. */
    @Override
    protected void _resume(long timer) {
        if (paused) {
            paused = false;
            LockSupport.unpark(thread);
        }
    }

    private void ticks(Runnable tick, long period) {
        Thread self = Thread.currentThread();
        long next = System.nanoTime() + period;
        while (thread == self) {
            if (paused) {
                awaitResume(self);
                // at once: resumed, something waits to be drawn; or the idle check (JavaFX posts a
                // pulse asked for while it was pausing, or pauses again)
                next = System.nanoTime();
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            long now = System.nanoTime();
            next += period;
            if (next - now <= 0) {
                next = now + period;   // a tick that came late is not made up for with a burst
            }
            if (queued.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    queued.set(false);
                    tick.run();
                });
            }
        }
    }

    /**
     * Parks until resumed or stopped, or for the idle check ({@link #IDLE_CHECK_NANOS}) at most: JavaFX decides to pause
     * and a pulse can be asked for in between, its resume then coming before the pause; the check
     * bounds how long such a pulse waits.
     */
    private void awaitResume(Thread self) {
        long until = System.nanoTime() + idleCheckNanos;
        long left;
        while (paused && thread == self && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }
}
