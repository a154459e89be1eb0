package org.opsconsole.console.load.report;


import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a run, as saved in JSON, CSV and HTML. Latencies are in milliseconds. "Corrected"
 * latency counts from the moment a request was planned to leave (open model), so a stalled server
 * can't hide its tail behind the requests it kept from being sent; "uncorrected" counts from when it
 * actually left. In the closed model both are the same.
 *
 * @param startedAt      wall-clock time of the measured start (after any warm-up); timeline seconds count from it
 * @param warmupSeconds  sent before the measured run and left out of every figure
 * @param targetRate     the planned average rate over the run (requests/s), 0 in the closed model
 * @param achievedRate   completed requests per second of the run
 * @param late           sends that left more than {@code lateAfterMs} after their planned time
 * @param lateWaitingForConnection  of those, the ones that waited for a free connection (every other busy);
 *                       the rest were late because the machine was too busy to send on time, or
 *                       the process was stopped (the warning says which, with the machine's CPU figures)
 * @param maxBehindMs    the furthest the engine fell behind its schedule
 * @param outcome        {@code completed}, {@code stopped} or {@code threshold-failed}
 * @param timeline       one row per second of the run, for charts
 * @param loadData       the users and orders a run over the services created, and whether they were
 *                       deleted; null for a run on one URL (and in runs saved before it was kept)
 */
public record LoadReport(
        String runId,
        Instant startedAt,
        String model,
        String target,
        String stages,
        Integer vus,
        Double thinkMs,
        int connections,
        double warmupSeconds,
        double targetRate,
        double achievedRate,
        double durationSeconds,
        long requests,
        long errors,
        double errorPercent,
        long late,
        double latePercent,
        long lateWaitingForConnection,
        double lateAfterMs,
        double maxBehindMs,
        Latency latencyMs,
        List<OperationReport> operations,
        Map<String, Long> errorsByKind,
        List<ThresholdResult> thresholds,
        String outcome,
        String stopReason,
        List<String> warnings,
        List<SecondSample> timeline,
        LoadData loadData) {

    public static final String COMPLETED = "completed";
    public static final String STOPPED = "stopped";
    public static final String THRESHOLD_FAILED = "threshold-failed";

    /** The same report with what became of its load data since (deleted later). */
    public LoadReport withLoadData(LoadData data) {
        return new LoadReport(runId, startedAt, model, target, stages, vus, thinkMs, connections, warmupSeconds, targetRate,
                achievedRate, durationSeconds, requests, errors, errorPercent, late, latePercent, lateWaitingForConnection,
                lateAfterMs, maxBehindMs, latencyMs, operations, errorsByKind, thresholds, outcome, stopReason, warnings,
                timeline, data);
    }

    public boolean thresholdsPassed() {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    /** Corrected and uncorrected latency of the whole run. */
    public record Latency(Percentiles corrected, Percentiles uncorrected) {
    }

    /** One operation of the mix. Latencies are corrected. */
    public record OperationReport(String name, long count, double rate, double p50Ms, double p90Ms, double p99Ms,
                                  double p999Ms, double maxMs, long errorCount, Map<String, Long> errors) {
    }

    /** A threshold and how the run did against it. */
    public record ThresholdResult(String expression, double actual, boolean passed) {
    }

    /**
     * One second of the run: what was planned and achieved, and the latency of requests that
     * completed in that second.
     */
    public record SecondSample(int second, double targetRate, double achievedRate, long errors, long late,
                               double behindMs, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                               double uncorrectedP50Ms, double uncorrectedP99Ms) {
    }
}
