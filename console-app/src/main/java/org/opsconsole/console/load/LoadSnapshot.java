package org.opsconsole.console.load;

import java.time.Instant;
import java.util.List;

/**
 * What a run looks like right now, published at least every 100 ms to whoever watches (the CLI's
 * live line, the Load screen). Immutable; rates and the {@code window} percentiles cover the last
 * second, counts cover the run so far.
 *
 * @param startedAt      wall-clock time of the measured start ({@code elapsedSeconds} counts from it; to line
 *                       the run up with the services' metrics), {@code null} while preparing
 * @param phase          PREPARING, WARMING_UP, RUNNING, STOPPING or DONE
 * @param progress       0 to 1, by planned time
 * @param targetRate     the planned rate now (0 in the closed model)
 * @param achievedRate   completions per second over the last second
 * @param behindMs       how far the schedule is behind now: the planned time of the next send, in the past
 * @param inFlight       requests sent and not answered yet
 * @param stopReason     why the run stops early (a threshold, the user), or {@code null}
 */
public record LoadSnapshot(
        String runId,
        Instant startedAt,
        Phase phase,
        double elapsedSeconds,
        double plannedSeconds,
        double progress,
        double targetRate,
        double achievedRate,
        long requests,
        long errors,
        long late,
        long lateForConnection,
        double behindMs,
        double maxBehindMs,
        int inFlight,
        Percentiles windowCorrected,
        Percentiles windowUncorrected,
        Percentiles totalCorrected,
        List<OperationCount> operations,
        String stopReason) {

    /**
     * PREPARING: learning what exists; WARMING_UP: sending, not measuring (elapsed counts the warm-up);
     * CLEANING_UP: sent everything, deleting the load data it created.
     */
    public enum Phase { PREPARING, WARMING_UP, RUNNING, STOPPING, CLEANING_UP, DONE }

    /** Counts of one operation so far. */
    public record OperationCount(String name, long count, long errors) {
    }

    public double errorPercent() {
        return requests == 0 ? 0 : 100.0 * errors / requests;
    }

    /** True when the engine can't keep the planned rate: the loud case. */
    public boolean fallingBehind() {
        return late > 0;
    }
}
