package org.opsconsole.service.kit;

/**
 * The time a request spends waiting on purpose (a long poll with nothing to give yet, an event
 * stream held open), which its latency leaves out: a follower's ten-second long poll is not a
 * ten-second request to chart. Kept per thread, as a request's filter and handler run on one.
 */
final class HeldTime {

    private static final ThreadLocal<long[]> HELD = ThreadLocal.withInitial(() -> new long[1]);

    private HeldTime() {
    }

    /** Adds a wait of the request this thread is serving. */
    static void add(long nanos) {
        HELD.get()[0] += nanos;
    }

    /** The time held since the last call on this thread; starts again from zero. */
    static long take() {
        long[] held = HELD.get();
        long nanos = held[0];
        held[0] = 0;
        return nanos;
    }
}
