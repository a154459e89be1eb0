package org.opsconsole.console.load.capacity;

import org.opsconsole.console.load.workload.Threshold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the highest offered rate at which the thresholds hold: steps the rate up (doubling from
 * the start rate) until a step breaks them, then bisects between the last step that held and the
 * first that broke until the two are within the precision. Stops early, and says so, when the
 * engine itself falls behind its schedule (its own late sends over their bound): then the limit
 * found would be the load tool's, not the service's.
 */
public final class CapacitySearch {

    /**
     * @param startRate            the first step's rate (requests/s)
     * @param maxRate              no step goes above it
     * @param precision            bisection ends when the bad rate is within this share above the good one
     * @param maxSteps             the most steps in all
     * @param maxEngineLatePercent sends late for the engine's own reasons, in % of a step's, beyond
     *                             which the search stops as limited by the load tool
     */
    public record Settings(double startRate, double maxRate, double precision, int maxSteps, double maxEngineLatePercent,
                           List<Threshold> thresholds) {

        public static final String DEFAULT_THRESHOLDS = "p99<50ms, errors<1%";
        /** The same in a picocli description, where a lone % starts a format. */
        public static final String DEFAULT_THRESHOLDS_IN_HELP = "p99<50ms, errors<1%%";

        public Settings {
            if (!(startRate > 0) || !(maxRate >= startRate)) {
                throw new IllegalArgumentException("the start rate must be above 0 and at most the highest rate");
            }
            if (!(precision > 0 && precision < 1)) {
                throw new IllegalArgumentException("the precision must be between 0 and 100%");
            }
            if (!(maxEngineLatePercent >= 0 && maxEngineLatePercent <= 100)) {
                throw new IllegalArgumentException("the engine's late share must be between 0 and 100%");
            }
            if (maxSteps < 2) {
                throw new IllegalArgumentException("a search needs at least 2 steps");
            }
            if (thresholds.isEmpty()) {
                throw new IllegalArgumentException("a capacity search needs at least one threshold");
            }
            thresholds = List.copyOf(thresholds);
        }
    }

    /** Fewer late sends than this never stop a search, whatever their share. */
    static final long MIN_LATE_JUDGED = 20;
    /** Nor do sends that were never this far behind their schedule. */
    static final double BEHIND_JUDGED_MS = 10;

    private final Settings settings;
    private final Clock clock;
    private volatile boolean stopped;
    private volatile Thread searching;

    public CapacitySearch(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Ends the search after (or during) the current step; the result says it was stopped. */
    public void stop() {
        stopped = true;
        Thread thread = searching;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Runs the search on this thread, telling {@code progress} of each step as it ends. */
    public CapacityResult run(StepRunner runner, Consumer<CapacityStep> progress) {
        searching = Thread.currentThread();
        Instant started = clock.instant();
        List<CapacityStep> steps = new ArrayList<>();
        CapacityStep good = null;
        CapacityStep bad = null;
        CapacityResult.Outcome outcome = null;
        try {
            double rate = settings.startRate();
            // up: doubling until a step breaks a threshold
            while (bad == null) {
                CapacityStep step = step(runner, rate, steps, progress);
                if (step.verdict() == CapacityStep.Verdict.ENGINE_BEHIND) {
                    outcome = CapacityResult.Outcome.ENGINE_LIMIT;
                    break;
                }
                if (step.verdict() == CapacityStep.Verdict.HOLDS) {
                    good = step;
                } else {
                    bad = step;
                    break;
                }
                if (rate >= settings.maxRate()) {
                    outcome = CapacityResult.Outcome.ABOVE_MAX;
                    break;
                }
                if (steps.size() >= settings.maxSteps()) {
                    outcome = CapacityResult.Outcome.OUT_OF_STEPS;
                    break;
                }
                rate = Math.min(settings.maxRate(), rate * 2);
            }
            // then between: halving the gap while it is wider than the precision
            while (outcome == null && good != null && bad != null
                    && bad.offeredRate() - good.offeredRate() > settings.precision() * good.offeredRate()) {
                if (steps.size() >= settings.maxSteps()) {
                    outcome = CapacityResult.Outcome.OUT_OF_STEPS;
                    break;
                }
                CapacityStep step = step(runner, (good.offeredRate() + bad.offeredRate()) / 2, steps, progress);
                switch (step.verdict()) {
                    case HOLDS -> good = step;
                    case BREAKS -> bad = step;
                    case ENGINE_BEHIND -> outcome = CapacityResult.Outcome.ENGINE_LIMIT;
                }
            }
            if (outcome == null) {
                outcome = good == null ? CapacityResult.Outcome.BELOW_START : CapacityResult.Outcome.FOUND;
            }
        } catch (InterruptedException e) {
            outcome = CapacityResult.Outcome.STOPPED;
        } finally {
            searching = null;
            // an interrupt meant for the step that was running is not the caller's
            Thread.interrupted();
        }
        if (stopped) {
            outcome = CapacityResult.Outcome.STOPPED;
        }
        double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        return CapacityResult.of(started, settings, steps, good, bad, outcome, seconds);
    }

    private CapacityStep step(StepRunner runner, double rate, List<CapacityStep> steps, Consumer<CapacityStep> progress)
            throws InterruptedException {
        if (stopped) {
            throw new InterruptedException("stopped");
        }
        StepRunner.Measured m = runner.run(rate);
        if (stopped) {
            throw new InterruptedException("stopped");
        }
        List<String> broken = new ArrayList<>();
        for (Threshold t : settings.thresholds()) {
            double actual = t.actual(m.corrected(), m.requests(), m.errors(), m.late(), m.throughput());
            if (!t.passes(actual)) {
                broken.add(t.expression() + " (was " + CapacityResult.figure(actual) + ")");
            }
        }
        double engineLatePercent = m.requests() == 0 ? 0 : 100.0 * m.engineLate() / m.requests();
        // a few late sends (a pause of the machine) say nothing of a short step at a low rate, nor do
        // sends a few milliseconds late: they still offered the step's load
        boolean engineBehind = engineLatePercent > settings.maxEngineLatePercent() && m.engineLate() >= MIN_LATE_JUDGED
                && m.maxBehindMs() >= BEHIND_JUDGED_MS;
        CapacityStep.Verdict verdict = engineBehind ? CapacityStep.Verdict.ENGINE_BEHIND
                : broken.isEmpty() ? CapacityStep.Verdict.HOLDS : CapacityStep.Verdict.BREAKS;
        CapacityStep step = new CapacityStep(steps.size() + 1, rate, m.throughput(), m.corrected().p50(), m.corrected().p99(),
                m.meanMs(), m.requests() == 0 ? 0 : 100.0 * m.errors() / m.requests(), engineLatePercent,
                m.measuredConcurrency(), verdict, List.copyOf(broken), m.runId(), m.seconds());
        steps.add(step);
        progress.accept(step);
        return step;
    }
}
