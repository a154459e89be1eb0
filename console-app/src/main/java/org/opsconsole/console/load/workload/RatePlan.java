package org.opsconsole.console.load.workload;

import java.time.Duration;
import java.util.List;

/**
 * The schedule of an open-model run: when request number {@code i} is due, counted from the start.
 * Nothing is queued: workers ask for the next ticket and its due time, so the plan costs the same
 * memory for ten requests or ten million (wrk2's idea, with one shared schedule instead of one per
 * connection).
 */
public final class RatePlan {

    private final List<Stage> stages;
    private final long[] startNanos;
    private final long total;
    private final long durationNanos;

    public RatePlan(List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a rate plan needs at least one stage");
        }
        this.stages = List.copyOf(stages);
        startNanos = new long[stages.size() + 1];
        double planned = 0;
        long nanos = 0;
        for (int i = 0; i < stages.size(); i++) {
            startNanos[i] = nanos;
            planned += stages.get(i).plannedRequests();
            nanos += stages.get(i).duration().toNanos();
        }
        total = (long) Math.floor(planned + 1e-9);
        startNanos[stages.size()] = nanos;
        durationNanos = nanos;
    }

    public static RatePlan constant(double rate, Duration duration) {
        return new RatePlan(List.of(Stage.constant(duration, rate)));
    }

    public List<Stage> stages() {
        return stages;
    }

    /** How many requests the plan sends in all. */
    public long totalRequests() {
        return total;
    }

    public Duration duration() {
        return Duration.ofNanos(durationNanos);
    }

    /** When ticket {@code i} (0-based, below {@link #totalRequests()}) is due, in nanoseconds from the start. */
    public long dueNanos(long ticket) {
        // request n (0-based) of the run falls where the cumulative planned count reaches n
        double cumulative = 0;
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            double inStage = stage.plannedRequests();
            if (ticket < cumulative + inStage - 1e-9 || s == stages.size() - 1) {
                double n = Math.max(0, ticket - cumulative);
                double t = Math.min(stage.timeOf(n), stage.seconds());
                return startNanos[s] + Math.round(t * 1e9);
            }
            cumulative += inStage;
        }
        return durationNanos;
    }

    /** How many requests the plan sends in its first {@code nanos}: what a run stopped then was asked for. */
    public double plannedBy(long nanos) {
        double planned = 0;
        for (int s = 0; s < stages.size(); s++) {
            Stage stage = stages.get(s);
            if (nanos >= startNanos[s + 1]) {
                planned += stage.plannedRequests();
                continue;
            }
            double t = Math.max(0, (nanos - startNanos[s]) / 1e9);
            return planned + t * (stage.fromRate() + stage.rateAt(t)) / 2;   // rates are linear within a stage
        }
        return planned;
    }

    /** The planned rate {@code nanos} after the start (0 after the end). */
    public double rateAt(long nanos) {
        for (int s = 0; s < stages.size(); s++) {
            if (nanos < startNanos[s + 1]) {
                return stages.get(s).rateAt((nanos - startNanos[s]) / 1e9);
            }
        }
        return 0;
    }

    /** The peak planned rate, to size what needs sizing. */
    public double peakRate() {
        return stages.stream().mapToDouble(s -> Math.max(s.fromRate(), s.toRate())).max().orElse(0);
    }

    @Override
    public String toString() {
        return String.join(" ", stages.stream().map(Stage::toString).toList());
    }
}
