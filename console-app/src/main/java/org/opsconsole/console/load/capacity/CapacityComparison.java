package org.opsconsole.console.load.capacity;

import org.opsconsole.console.load.report.RunComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two capacity searches side by side: the capacity found, the proving step's figures and the
 * fitted model, with the change from {@code base} to {@code other} and which changes are worse.
 */
public record CapacityComparison(String baseId, String otherId, List<RunComparison.Row> rows, Optional<String> note) {

    public static CapacityComparison of(CapacityResult base, CapacityResult other) {
        List<RunComparison.Row> rows = new ArrayList<>();
        rows.add(RunComparison.Row.of("Capacity (req/s)", orZero(base.capacity()), orZero(other.capacity()), true));
        CapacityStep baseProof = proving(base);
        CapacityStep otherProof = proving(other);
        if (baseProof != null && otherProof != null) {
            rows.add(RunComparison.Row.of("Achieved at capacity (req/s)", baseProof.throughput(), otherProof.throughput(), true));
            rows.add(RunComparison.Row.of("p99 at capacity (ms)", baseProof.p99Ms(), otherProof.p99Ms(), false));
        }
        if (base.usl() != null && other.usl() != null) {
            rows.add(RunComparison.Row.of("Contention sigma", base.usl().sigma(), other.usl().sigma(), false));
            rows.add(RunComparison.Row.of("Coherency kappa", base.usl().kappa(), other.usl().kappa(), false));
            if (Double.isFinite(base.usl().peakThroughput()) && Double.isFinite(other.usl().peakThroughput())) {
                rows.add(RunComparison.Row.of("Predicted peak (req/s)", base.usl().peakThroughput(), other.usl().peakThroughput(), true));
            }
        }
        rows.add(RunComparison.Row.of("Steps", base.steps().size(), other.steps().size(), false));
        String note = null;
        if (!base.thresholds().equals(other.thresholds())) {
            note = "The searches held different thresholds (" + base.thresholds() + " and " + other.thresholds()
                    + "): their capacities answer different questions.";
        } else if (base.target() != null && !base.target().equals(other.target())) {
            note = "The searches loaded different targets.";
        }
        if (base.outcome() != CapacityResult.Outcome.FOUND || other.outcome() != CapacityResult.Outcome.FOUND) {
            String limited = "Not every search found its capacity (" + base.outcome() + ", " + other.outcome()
                    + "): a capacity stopped by the engine's limit or the highest rate is a lower bound.";
            note = note == null ? limited : note + " " + limited;
        }
        return new CapacityComparison(base.id(), other.id(), List.copyOf(rows), Optional.ofNullable(note));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static CapacityStep proving(CapacityResult r) {
        return r.provingStep() == 0 ? null : r.steps().get(r.provingStep() - 1);
    }
}
