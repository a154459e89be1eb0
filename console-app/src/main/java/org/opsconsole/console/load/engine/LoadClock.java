package org.opsconsole.console.load.engine;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a run reads the time and waits for it: the system's clock, or a test's, so the schedule,
 * the late sends and the stages can be checked to the nanosecond without a wall-clock in sight.
 */
public interface LoadClock {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall-clock time now, to stamp a run and line it up with the services' metrics. */
    Instant now();

    /**
     * Waits until {@link #nanoTime()} reaches {@code deadlineNanos}; may return early (the caller
     * checks the time again), e.g. when the run is stopped and its workers are woken.
     */
    void parkUntil(long deadlineNanos);

    /**
     * What this machine's cores and this process have used so far, to say why sends left late: the
     * kernel's counters. A test's clock gives its own, so that no test's advice depends on how busy
     * the machine running it is.
     */
    default CpuUse.Reading cpu() {
        return CpuUse.Reading.now();
    }

    /** The system's clock. */
    LoadClock SYSTEM = new LoadClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            long wait = deadlineNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    };
}
