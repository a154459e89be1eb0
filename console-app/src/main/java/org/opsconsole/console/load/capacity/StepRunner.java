package org.opsconsole.console.load.capacity;

import org.opsconsole.console.load.report.Percentiles;

/** Holds one offered rate for one step and measures it; the search decides what the figures mean. */
public interface StepRunner {

    /**
     * What one step measured, before any verdict.
     *
     * @param corrected  latency from the planned send times (what thresholds judge)
     * @param meanMs     mean time from the actual send to the answer
     * @param late       sends that left late; {@code engineLate} of them not for want of a connection
     * @param maxBehindMs the furthest a send left after its planned time
     */
    record Measured(double throughput, Percentiles corrected, double meanMs, long requests, long errors, long late,
                    long engineLate, double maxBehindMs, double measuredConcurrency, String runId, double seconds) {
    }

    /** Sends at {@code rate} requests/s for one step and answers what it saw; stops early when interrupted. */
    Measured run(double rate) throws InterruptedException;
}
