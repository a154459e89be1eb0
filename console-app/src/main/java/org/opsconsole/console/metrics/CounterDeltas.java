package org.opsconsole.console.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns cumulative counters into increments between two scrapes, one counter per label set, so a
 * route that appears or a service that restarts (its counters start again from zero) never gives a
 * negative or a made-up increment. A counter lower than before was reset: its whole current value is
 * the increment. A counter seen for the first time after the first scrape started from zero.
 */
public final class CounterDeltas {

    private Map<Map<String, String>, Double> previous;

    /** Sum of the increments since the last call; NaN on the first call (nothing to compare with). */
    public double update(Map<Map<String, String>, Double> current) {
        Map<Map<String, String>, Double> before = previous;
        previous = new HashMap<>(current);
        if (before == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (Map.Entry<Map<String, String>, Double> entry : current.entrySet()) {
            sum += increment(before.get(entry.getKey()), entry.getValue());
        }
        return sum;
    }

    /** Forget the last values: the next call starts a new baseline. */
    public void reset() {
        previous = null;
    }

    static double increment(Double before, double now) {
        if (Double.isNaN(now)) {
            return 0;
        }
        if (before == null || Double.isNaN(before) || now < before) {
            return now;
        }
        return now - before;
    }
}
