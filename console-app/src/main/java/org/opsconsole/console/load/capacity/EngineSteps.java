package org.opsconsole.console.load.capacity;

import org.opsconsole.console.load.engine.LoadEngine;
import org.opsconsole.console.load.engine.LoadRun;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.RatePlan;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Steps run by the load engine: the scenario's target, connections and timeouts at a constant
 * rate for {@code length}, after a warm-up of {@code warmup} at that rate (left out of the
 * figures, so each step measures a steady state). A step is judged after it ends: no threshold
 * stops it early.
 */
public final class EngineSteps implements StepRunner {

    /** A step that could not run (the target refused, say): the search ends with it. */
    public static final class StepFailed extends RuntimeException {
        StepFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final long STOP_WAIT_SECONDS = 30;
    private static final long SAMPLE_EVERY_NANOS = 1_000_000;

    /**
     * Requests in flight, sampled every millisecond while the step measures: the concurrency Little's
     * law is checked against. Ten samples a second (the snapshots) left a mean of two in flight
     * uncertain by about 13 %, too close to the 20 % the check allows.
     */
    private static final class InFlightSampler implements Runnable {
        private final LoadRun run;
        private long sum;
        private long samples;

        InFlightSampler(LoadRun run) {
            this.run = run;
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted() && !run.isDone()) {
                int now = run.measuringInFlight();
                if (now >= 0) {
                    sum += now;
                    samples++;
                }
                LockSupport.parkNanos(SAMPLE_EVERY_NANOS);
            }
        }

        /** Read after the sampling thread ended (joined). */
        double mean() {
            return samples == 0 ? 0 : (double) sum / samples;
        }
    }

    private final LoadScenario base;
    private final Duration length;
    private final Duration warmup;

    public EngineSteps(LoadScenario base, Duration length, Duration warmup) {
        this.base = base;
        this.length = length;
        this.warmup = warmup;
    }

    /** The scenario of a step at {@code rate}. */
    LoadScenario at(double rate) {
        return new LoadScenario(base.target(), new LoadScenario.Open(RatePlan.constant(rate, length)), base.connections(),
                base.timeout(), base.lateAfter(), List.of(), warmup, base.client());
    }

    @Override
    public Measured run(double rate) throws InterruptedException {
        LoadRun run = LoadEngine.start(at(rate));
        InFlightSampler inFlight = new InFlightSampler(run);
        Thread sampling = Thread.ofPlatform().daemon().name("capacity-in-flight").start(inFlight);
        LoadReport r;
        try {
            r = run.completion().get();
        } catch (InterruptedException e) {
            run.stop();
            try {
                run.completion().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
                // stopping: what the step measured no longer matters
            }
            throw e;
        } catch (ExecutionException e) {
            throw new StepFailed(String.valueOf(e.getCause().getMessage()), e.getCause());
        } finally {
            sampling.interrupt();
        }
        sampling.join();
        double concurrency = inFlight.mean();
        return new Measured(r.achievedRate(), r.latencyMs().corrected(), r.latencyMs().uncorrected().mean(), r.requests(),
                r.errors(), r.late(), r.late() - r.lateWaitingForConnection(), r.maxBehindMs(), concurrency, r.runId(),
                r.durationSeconds());
    }
}
