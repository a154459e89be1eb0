package org.opsconsole.console.load.engine;

import org.HdrHistogram.Histogram;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.Percentiles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the workers' recorders into figures, every tick (100 ms): the run's totals, the last
 * second's window for live percentiles and rates, and one timeline row per second. Only the
 * sampling thread calls {@link #tick}; the run's end calls it once more, so every method is
 * synchronized and cheap.
 */
final class RunSampler {

    private static final int WINDOW_TICKS = 10;

    private final RunRecorder recorder;
    private final List<String> operationNames;
    private final Histogram totalCorrected = histogram();
    private final Histogram totalUncorrected = histogram();
    private final Map<String, Histogram> operationTotals = new LinkedHashMap<>();
    private final Deque<Interval> window = new ArrayDeque<>();
    private final Histogram secondCorrected = histogram();
    private final Histogram secondUncorrected = histogram();
    private final List<LoadReport.SecondSample> timeline = new ArrayList<>();
    private final Histogram windowCorrectedSum = histogram();
    private final Histogram windowUncorrectedSum = histogram();
    private Histogram recycleCorrected;
    private Histogram recycleUncorrected;
    private final Map<String, Histogram> recycleOps = new LinkedHashMap<>();
    // the window's histograms until it is full (then it reuses the one that leaves)
    private final Deque<Histogram> spareWindowHistograms = new ArrayDeque<>();
    private long secondStartNanos;
    private long secondStartRequests;
    private long secondStartErrors;
    private long secondStartLate;
    private double secondMaxBehindMs;
    // the requests the schedule planned by the current second's start: its target is what it planned in it
    private double secondStartPlanned;
    private long lastTickNanos;
    private long lastTickRequests;

    /** One tick's worth of results, kept for the last second's window. */
    private record Interval(long fromNanos, long atNanos, long fromRequests, long requests, Histogram corrected,
                            Histogram uncorrected) {
    }

    RunSampler(RunRecorder recorder, List<String> operationNames) {
        this.recorder = recorder;
        this.operationNames = List.copyOf(operationNames);
        operationNames.forEach(n -> operationTotals.put(n, histogram()));
        // Every histogram a run will use is made now, before its warm-up, not at its first ticks: made
        // once the measured run has begun, their megabytes were copied into the old generation by a
        // young collection in the middle of it (a 20-30 ms pause, every send behind it late).
        recycleCorrected = recorder.corrected.getIntervalHistogram();
        recycleUncorrected = recorder.uncorrected.getIntervalHistogram();
        operationNames.forEach(n -> recycleOps.put(n, recorder.operations.get(n).corrected.getIntervalHistogram()));
        for (int i = 0; i < 2 * WINDOW_TICKS; i++) {
            spareWindowHistograms.push(histogram());
        }
    }

    static Histogram histogram() {
        return new Histogram(RunRecorder.HIGHEST_MICROS, RunRecorder.DIGITS);
    }

    synchronized void begin(long startNanos, double plannedByThen) {
        secondStartNanos = startNanos;
        lastTickNanos = startNanos;
        secondStartPlanned = plannedByThen;
    }

    /**
     * Folds the interval since the last tick into the totals and, every second of run time, into the
     * timeline. {@code planned} is how many requests the schedule planned by now since the run began (0 in
     * the closed model), {@code behindMs} how far behind it is now.
     */
    synchronized void tick(long nowNanos, long startNanos, double planned, double behindMs, boolean last) {
        Histogram corrected = recorder.corrected.getIntervalHistogram(recycleCorrected);
        Histogram uncorrected = recorder.uncorrected.getIntervalHistogram(recycleUncorrected);
        totalCorrected.add(corrected);
        totalUncorrected.add(uncorrected);
        secondCorrected.add(corrected);
        secondUncorrected.add(uncorrected);
        for (String name : operationNames) {
            Histogram h = recorder.operations.get(name).corrected.getIntervalHistogram(recycleOps.get(name));
            operationTotals.get(name).add(h);
            recycleOps.put(name, h);
        }
        long requests = recorder.requests.sum();
        // the window keeps its own copies; the recorder's interval histograms are recycled
        Histogram wc = window.size() >= WINDOW_TICKS ? window.peekFirst().corrected() : spareWindowHistograms.pop();
        Histogram wu = window.size() >= WINDOW_TICKS ? window.peekFirst().uncorrected() : spareWindowHistograms.pop();
        if (window.size() >= WINDOW_TICKS) {
            // the window's sums drop the interval that leaves, instead of adding ten up each tick
            windowCorrectedSum.subtract(wc);
            windowUncorrectedSum.subtract(wu);
            window.removeFirst();
        }
        wc.reset();
        wc.add(corrected);
        wu.reset();
        wu.add(uncorrected);
        windowCorrectedSum.add(wc);
        windowUncorrectedSum.add(wu);
        window.addLast(new Interval(lastTickNanos, nowNanos, lastTickRequests, requests, wc, wu));
        lastTickNanos = nowNanos;
        lastTickRequests = requests;
        recycleCorrected = corrected;
        recycleUncorrected = uncorrected;

        secondMaxBehindMs = Math.max(secondMaxBehindMs, behindMs);
        long secondElapsed = nowNanos - secondStartNanos;
        if (secondElapsed >= 995_000_000L || (last && secondElapsed > 50_000_000L && (requests > secondStartRequests))) {
            closeSecond(nowNanos, startNanos, requests, planned);
        }
    }

    private void closeSecond(long nowNanos, long startNanos, long requests, double planned) {
        double seconds = (nowNanos - secondStartNanos) / 1e9;
        long errors = recorder.errors.sum();
        long late = recorder.late.sum();
        Percentiles c = Percentiles.of(secondCorrected);
        Percentiles u = Percentiles.of(secondUncorrected);
        timeline.add(new LoadReport.SecondSample(
                // labelled by the second it starts in: a late tick (busy machine) must not skip a label
                (int) Math.floor((secondStartNanos - startNanos) / 1e9 + 0.05),
                round((planned - secondStartPlanned) / seconds),
                round((requests - secondStartRequests) / seconds),
                errors - secondStartErrors, late - secondStartLate, round(secondMaxBehindMs),
                c.p50(), c.p90(), c.p99(), c.max(), u.p50(), u.p99()));
        secondStartNanos = nowNanos;
        secondStartRequests = requests;
        secondStartErrors = errors;
        secondStartLate = late;
        secondMaxBehindMs = 0;
        secondStartPlanned = planned;
        secondCorrected.reset();
        secondUncorrected.reset();
    }

    /** Completions per second over the window (the last second, or less at the start). */
    synchronized double windowRate() {
        if (window.isEmpty()) {
            return 0;
        }
        Interval newest = window.peekLast();
        Interval oldest = window.peekFirst();
        double seconds = (newest.atNanos() - oldest.fromNanos()) / 1e9;
        return seconds <= 0 ? 0 : round((newest.requests() - oldest.fromRequests()) / seconds);
    }

    synchronized Percentiles windowCorrected() {
        return Percentiles.of(windowCorrectedSum);
    }

    synchronized Percentiles windowUncorrected() {
        return Percentiles.of(windowUncorrectedSum);
    }

    synchronized Percentiles totalCorrected() {
        return Percentiles.of(totalCorrected);
    }

    synchronized Percentiles totalUncorrected() {
        return Percentiles.of(totalUncorrected);
    }

    synchronized List<LoadReport.SecondSample> timeline() {
        return List.copyOf(timeline);
    }

    synchronized List<LoadReport.OperationReport> operations(double seconds) {
        List<LoadReport.OperationReport> out = new ArrayList<>();
        for (String name : operationNames) {
            RunRecorder.OperationStats stats = recorder.operations.get(name);
            Percentiles p = Percentiles.of(operationTotals.get(name));
            long count = stats.count.sum();
            Map<String, Long> kinds = new TreeMap<>();
            stats.errorKinds.forEach((k, v) -> kinds.put(k, v.sum()));
            out.add(new LoadReport.OperationReport(name, count, seconds <= 0 ? 0 : round(count / seconds),
                    p.p50(), p.p90(), p.p99(), p.p999(), p.max(), stats.errors.sum(), kinds));
        }
        return out;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
