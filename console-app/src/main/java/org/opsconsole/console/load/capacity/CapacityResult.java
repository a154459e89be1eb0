package org.opsconsole.console.load.capacity;

import org.opsconsole.console.load.workload.Threshold;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a capacity search found: the highest offered rate that held the thresholds and the step
 * that proved it, every step's figures with its Little's law check, and the Universal Scalability
 * Law fitted to the steps (throughput against the concurrency Little's law gives for each).
 *
 * @param capacity     the highest rate that held (requests/s), null when none did
 * @param provingStep  the step that held at that rate (its number), 0 when none
 * @param breakingStep the lowest step that broke the thresholds above it, 0 when none
 * @param usl          the fitted model, null when the steps were too few (see {@code uslNote})
 */
public record CapacityResult(String id, Instant startedAt, String target, String thresholds, Outcome outcome, String summary,
                             Double capacity, int provingStep, int breakingStep, List<CapacityStep> steps, UslModel usl,
                             String uslNote, double searchSeconds) {

    /** How the search ended. */
    public enum Outcome { FOUND, BELOW_START, ABOVE_MAX, ENGINE_LIMIT, OUT_OF_STEPS, STOPPED }

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    static CapacityResult of(Instant startedAt, CapacitySearch.Settings settings, List<CapacityStep> steps, CapacityStep good,
                             CapacityStep bad, Outcome outcome, double seconds) {
        String thresholds = settings.thresholds().stream().map(Threshold::expression).collect(Collectors.joining(", "));
        UslModel usl = null;
        String uslNote;
        List<UslModel.Point> points = steps.stream()
                .map(s -> new UslModel.Point(s.littleConcurrency(), s.throughput()))
                .toList();
        try {
            usl = UslModel.fit(points);
            uslNote = usl.peakExtrapolated()
                    ? "the peak lies beyond the highest concurrency measured (" + figure(usl.measuredUpTo()) + "): a prediction"
                    : "the peak lies within the concurrency measured";
        } catch (IllegalArgumentException e) {
            uslNote = "not fitted: " + e.getMessage();
        }
        return new CapacityResult("capacity-" + ID.format(startedAt), startedAt, null, thresholds, outcome,
                summary(settings, steps, good, bad, outcome).strip(), good == null ? null : good.offeredRate(),
                good == null ? 0 : good.number(), bad == null ? 0 : bad.number(), List.copyOf(steps), usl, uslNote, seconds);
    }

    /** The same result with the target it searched described (filled in by whoever knows it). */
    public CapacityResult withTarget(String description) {
        return new CapacityResult(id, startedAt, description, thresholds, outcome, summary, capacity, provingStep, breakingStep,
                steps, usl, uslNote, searchSeconds);
    }

    private static String summary(CapacitySearch.Settings settings, List<CapacityStep> steps, CapacityStep good,
                                  CapacityStep bad, Outcome outcome) {
        String held = good == null ? "" : "The highest rate that held: " + rate(good.offeredRate()) + " (step " + good.number()
                + ": achieved " + rate(good.throughput()) + ", p99 " + figure(good.p99Ms()) + " ms).";
        String broke = bad == null ? "" : " The lowest that broke: " + rate(bad.offeredRate()) + " (step " + bad.number()
                + ": " + String.join(", ", bad.broken()) + ").";
        return switch (outcome) {
            case FOUND -> "Capacity: " + rate(good.offeredRate()) + ". " + held + broke;
            case BELOW_START -> "Even the first step, at " + rate(steps.getFirst().offeredRate()) + ", broke the thresholds ("
                    + String.join(", ", steps.getFirst().broken()) + "): the capacity is below it; start lower (--start-rate).";
            case ABOVE_MAX -> "Every step held, up to the highest rate allowed (" + rate(settings.maxRate())
                    + "): the capacity is above it. " + held;
            case ENGINE_LIMIT -> {
                CapacityStep last = steps.getLast();
                yield "Stopped at step " + last.number() + " (" + rate(last.offeredRate()) + "): the load engine itself fell "
                        + "behind, " + figure(last.engineLatePercent()) + "% of its sends left late for its own reasons (the bound is "
                        + figure(settings.maxEngineLatePercent()) + "%). A limit found beyond this would be the load tool's, not "
                        + "the service's: run the load from another machine, or give it more CPU. " + held;
            }
            case OUT_OF_STEPS -> "Out of steps (" + settings.maxSteps() + ")" + (good != null && bad != null
                    ? " with the capacity between " + rate(good.offeredRate()) + " and " + rate(bad.offeredRate()) + ". " : ". ")
                    + held;
            case STOPPED -> "Stopped after " + steps.size() + " step(s). " + (good == null ? "No step held yet." : held);
        };
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String figure(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
