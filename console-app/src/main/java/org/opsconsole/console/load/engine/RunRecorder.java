package org.opsconsole.console.load.engine;

import org.HdrHistogram.Recorder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where workers write what happened, without locks: HdrHistogram {@link Recorder}s (wait-free to
 * record; the sampler swaps out an interval histogram every tick, so memory stays flat) and adders.
 * Latencies are recorded in microseconds, up to an hour.
 */
final class RunRecorder {

    static final long HIGHEST_MICROS = 3_600_000_000L;
    static final int DIGITS = 3;

    final Recorder corrected = new Recorder(HIGHEST_MICROS, DIGITS);
    final Recorder uncorrected = new Recorder(HIGHEST_MICROS, DIGITS);
    final LongAdder requests = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder late = new LongAdder();
    /** Late sends that waited for a free connection: every other one was busy. */
    final LongAdder lateForConnection = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final AtomicLong maxLatenessNanos = new AtomicLong();
    // how late the latest send left (with several sender loops, one of the latest)
    volatile long lastLatenessNanos;
    final AtomicInteger inFlight = new AtomicInteger();
    final Map<String, OperationStats> operations;
    private final long lateAfterNanos;

    /** The figures of one operation. */
    static final class OperationStats {
        final String name;
        final Recorder corrected = new Recorder(HIGHEST_MICROS, DIGITS);
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

        OperationStats(String name) {
            this.name = name;
        }
    }

    RunRecorder(List<String> operationNames, long lateAfterNanos) {
        Map<String, OperationStats> ops = new LinkedHashMap<>();
        operationNames.forEach(n -> ops.put(n, new OperationStats(n)));
        this.operations = Map.copyOf(ops);
        this.lateAfterNanos = lateAfterNanos;
    }

    /**
     * A request leaves {@code latenessNanos} after its planned time; {@code waitedForConnection} when
     * it was due while every connection was busy (nobody could take it on time).
     */
    void sending(long latenessNanos, boolean waitedForConnection) {
        inFlight.incrementAndGet();
        if (latenessNanos > lateAfterNanos) {
            late.increment();
            if (waitedForConnection) {
                lateForConnection.increment();
            }
        }
        maxLatenessNanos.accumulateAndGet(latenessNanos, Math::max);
        lastLatenessNanos = latenessNanos;
    }

    /** The answer (or failure) of a request planned at {@code due}, sent at {@code sent}, done at {@code done}. */
    void completed(OperationStats op, long due, long sent, long done, String errorKind) {
        inFlight.decrementAndGet();
        long correctedMicros = clamp((done - due) / 1000);
        long uncorrectedMicros = clamp((done - sent) / 1000);
        corrected.recordValue(correctedMicros);
        uncorrected.recordValue(uncorrectedMicros);
        op.corrected.recordValue(correctedMicros);
        op.count.increment();
        requests.increment();
        if (errorKind != null) {
            errors.increment();
            op.errors.increment();
            op.errorKinds.computeIfAbsent(errorKind, k -> new LongAdder()).increment();
        }
    }

    /** A request that was cancelled when the run stopped: not a result either way. */
    void abandoned() {
        inFlight.decrementAndGet();
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(micros, HIGHEST_MICROS));
    }
}
