package org.opsconsole.console.load.engine;

import org.opsconsole.console.load.report.LoadData;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.Percentiles;
import org.opsconsole.console.load.report.ReportText;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.Threshold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a finished run's recorder and sampler into its {@link LoadReport}, thresholds judged and warnings said. */
final class RunReportBuilder {

    private RunReportBuilder() {
    }

    /** An open run that took this much longer than planned (and 5 %) says so. */
    private static final double OVERRUN_SECONDS = 0.1;

    static LoadReport build(String id, java.time.Instant startedAt, LoadScenario scenario, RunRecorder recorder,
                            RunSampler sampler, double seconds, long warmupUnsent, String outcome, String stopReason,
                            LoadData loadData, CpuUse cpu) {
        long requests = recorder.requests.sum();
        long errors = recorder.errors.sum();
        long late = recorder.late.sum();
        double achieved = RunSampler.round(requests / seconds);
        Percentiles corrected = sampler.totalCorrected();
        Percentiles uncorrected = sampler.totalUncorrected();
        List<LoadReport.OperationReport> ops = sampler.operations(seconds);
        Map<String, Long> byKind = new TreeMap<>();
        ops.forEach(o -> o.errors().forEach((k, v) -> byKind.merge(k, v, Long::sum)));

        List<LoadReport.ThresholdResult> results = new ArrayList<>();
        for (Threshold t : scenario.thresholds()) {
            double actual = t.actual(corrected, requests, errors, late, achieved);
            results.add(new LoadReport.ThresholdResult(t.expression(), actual, t.passes(actual)));
        }
        String finalOutcome = outcome;
        if (finalOutcome.equals(LoadReport.COMPLETED) && results.stream().anyMatch(r -> !r.passed())) {
            finalOutcome = LoadReport.THRESHOLD_FAILED;
            stopReason = "threshold " + results.stream().filter(r -> !r.passed()).findFirst().orElseThrow().expression()
                    + " not met";
        }

        double maxBehind = RunSampler.round(recorder.maxLatenessNanos.get() / 1e6);
        double lateAfterMs = scenario.lateAfter().toNanos() / 1e6;
        List<String> warnings = new ArrayList<>();
        double targetRate = 0;
        String stages = null;
        Integer vus = null;
        Double thinkMs = null;
        switch (scenario.model()) {
            case LoadScenario.Open open -> {
                // a run that ended early (stopped, a threshold) was asked for what the plan holds up to then
                double planned = open.plan().duration().toNanos() / 1e9;
                targetRate = RunSampler.round(seconds < 0.99 * planned && seconds > 0
                        ? open.plan().plannedBy((long) (seconds * 1e9)) / seconds
                        : open.plan().totalRequests() / planned);
                stages = open.plan().toString();
                // longer for being behind (not for a slow last answer): its last sends were late by about as much
                double overrun = seconds - planned;
                if (LoadReport.COMPLETED.equals(outcome) && overrun >= Math.max(OVERRUN_SECONDS, 0.05 * planned)
                        && recorder.lastLatenessNanos / 1e9 >= overrun / 2) {
                    warnings.add(String.format(java.util.Locale.ROOT, "The run took %.1f s, not the %.1f s planned: it fell "
                                    + "behind its schedule and still sent every planned request, the last ones late (the "
                                    + "achieved rate is over the %.1f s).", seconds, planned, seconds));
                }
            }
            case LoadScenario.Closed closed -> {
                vus = closed.vus();
                thinkMs = closed.think().toNanos() / 1e6;
            }
        }
        long lateForConnection = recorder.lateForConnection.sum();
        if (late > 0) {
            boolean serverHere = scenario.target().onThisMachine();
            String connections = LateSendAdvice.connections(scenario.connections(), uncorrected.mean(), uncorrected.max(), targetRate,
                    "--connections", cpu, serverHere);
            String why = lateForConnection == 0
                    ? "none waited for a connection: " + LateSendAdvice.machine(cpu, serverHere)
                    : lateForConnection == late
                    ? "all waited for a free connection: " + connections
                    : lateForConnection + " waited for a free connection (" + connections + "); for the others, "
                            + LateSendAdvice.others(connections, cpu, serverHere);
            warnings.add(String.format(java.util.Locale.ROOT,
                    "LATE: %d of %d sends (%.2f%%) left more than %s ms after their planned time, up to %s ms behind; "
                            + "%s. Corrected latency includes the wait.",
                    late, requests, requests == 0 ? 0 : 100.0 * late / requests, ReportText.figure(lateAfterMs), ReportText.figure(maxBehind),
                    why));
        }
        if (warmupUnsent > 0) {
            warnings.add(String.format(java.util.Locale.ROOT, "The warm-up could not keep the rate: %d of its requests were "
                    + "not sent by its end and were dropped, so that the measured run started on schedule. A cold start can't "
                    + "take this rate: give a longer warm-up (--warmup) or start with a ramp.", warmupUnsent));
        }
        if (recorder.skipped.sum() > 0) {
            warnings.add(recorder.skipped.sum() + " requests were skipped: no operation of the mix had anything to act on");
        }
        return new LoadReport(id, startedAt, scenario.model() instanceof LoadScenario.Open ? "open" : "closed",
                scenario.target().describe(), stages, vus, thinkMs, scenario.connections(),
                scenario.warmup().toNanos() / 1e9, targetRate, achieved,
                RunSampler.round(seconds), requests, errors,
                requests == 0 ? 0 : RunSampler.round(100.0 * errors / requests), late,
                requests == 0 ? 0 : RunSampler.round(100.0 * late / requests), lateForConnection, lateAfterMs, maxBehind,
                new LoadReport.Latency(corrected, uncorrected), ops, byKind, results, finalOutcome, stopReason,
                warnings, sampler.timeline(), loadData);
    }
}
