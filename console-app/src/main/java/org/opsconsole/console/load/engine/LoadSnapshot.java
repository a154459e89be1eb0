package org.opsconsole.console.load.engine;

import org.opsconsole.console.load.report.Percentiles;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
 * @param cpu            the machine's and this process's CPU since the run started, read once sends are
 *                       late (to say why); {@link CpuUse#UNKNOWN} before
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
        String stopReason,
        CpuUse cpu) {

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

    /** One line of a run in progress, loud when the engine is behind its schedule. */
    public String liveLine() {
        LoadSnapshot s = this;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6.1fs  rate %8.1f/s", s.elapsedSeconds(),
                s.achievedRate()));
        if (s.targetRate() > 0) {
            line.append(String.format(Locale.ROOT, " (target %.0f)", s.targetRate()));
        }
        line.append(String.format(Locale.ROOT, "  p50 %7.2f ms  p99 %8.2f ms  errors %d (%.2f%%)  late %d  in flight %d",
                s.windowCorrected().p50(), s.windowCorrected().p99(), s.errors(), s.errorPercent(), s.late(), s.inFlight()));
        if (s.behindMs() > 0) {
            line.append(String.format(Locale.ROOT, "  !! BEHIND %.0f ms now (max %.0f ms): cannot keep the rate",
                    s.behindMs(), s.maxBehindMs()));
        } else if (s.late() > 0) {
            line.append(String.format(Locale.ROOT, "  ! late sends so far, up to %.0f ms behind", s.maxBehindMs()));
        }
        return line.toString();
    }
}
