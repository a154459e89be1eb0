package org.opsconsole.console.load.capacity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One step of a capacity search: the load held at one offered rate for a while, and what it showed.
 * Latencies are in milliseconds; p50 and p99 from the planned send time (corrected), the mean from
 * the actual send (the time a request really spent in flight, which Little's law counts).
 *
 * @param measuredConcurrency requests in flight on average over the step, sampled every millisecond
 * @param engineLatePercent   sends that left late for the engine's own reasons (not waiting for a
 *                            connection the server kept busy)
 * @param broken              the thresholds the step broke, in words
 */
public record CapacityStep(int number, double offeredRate, double throughput, double p50Ms, double p99Ms, double meanMs,
                           double errorPercent, double engineLatePercent, double measuredConcurrency, Verdict verdict,
                           List<String> broken, String runId, double seconds) {

    /** Whether the thresholds held at this rate, or the engine itself could not keep up. */
    public enum Verdict { HOLDS, BREAKS, ENGINE_BEHIND }

    /** How far measured concurrency and throughput x time in flight may differ in a steady step. */
    public static final double LITTLE_TOLERANCE = 0.2;

    /** Little's law, L = X W: the requests in flight that the throughput and the mean time in flight make. */
    @JsonProperty
    public double littleConcurrency() {
        return throughput * meanMs / 1000;
    }

    /**
     * Whether the measured concurrency agrees with Little's law within {@link #LITTLE_TOLERANCE}:
     * when it does not, the step was not steady (a queue still growing) or the load tool was the
     * bottleneck. Below one request in flight both are too small to judge apart.
     */
    @JsonProperty
    public boolean littleAgrees() {
        double little = littleConcurrency();
        double larger = Math.max(little, measuredConcurrency);
        return larger < 1 || Math.abs(little - measuredConcurrency) <= LITTLE_TOLERANCE * larger;
    }

    /** The verdict in words: holds, breaks (and which thresholds, with what they were), or the engine behind. */
    public String verdictText() {
        return switch (verdict) {
            case HOLDS -> "holds";
            case BREAKS -> "breaks " + String.join(", ", broken);
            case ENGINE_BEHIND -> "engine behind (" + CapacityResult.figure(engineLatePercent) + "% of sends late for its own reasons)";
        };
    }
}
