package org.opsconsole.console.load.workload;

import org.opsconsole.console.load.report.Percentiles;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail rule on a run, k6-style: {@code p99<200ms}, {@code p50<20ms}, {@code p90<50ms},
 * {@code p999<1s}, {@code max<2s} (corrected latency), {@code errors<1%} or {@code errors<10} (a
 * count), {@code late<1%} or {@code late<100}, {@code rate>290} (achieved requests/s, checked at the
 * end only). {@code <=} and {@code >=} work too. Crossing a latency, error or late threshold during
 * the run stops it, once at least {@link #MIN_SAMPLES} requests have completed; a count ({@code errors<10})
 * at once, since a count once crossed stays crossed.
 */
public record Threshold(String expression, Metric metric, boolean below, boolean inclusive, double limit,
                        boolean percent) {

    /** Fewer requests than this say too little to stop a run on. */
    public static final long MIN_SAMPLES = 100;

    public enum Metric { P50, P90, P99, P999, MAX, ERRORS, LATE, RATE }

    private static final Pattern TEXT = Pattern.compile(
            "\\s*(p50|p90|p99|p999|p99\\.9|max|errors|late|rate)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|%|/s)?\\s*");

    public static Threshold parse(String text) {
        Matcher m = TEXT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a threshold: use p99<200ms, p50<20ms, "
                    + "max<2s, errors<1%, errors<10, late<1%, rate>290");
        }
        Metric metric = switch (m.group(1)) {
            case "p50" -> Metric.P50;
            case "p90" -> Metric.P90;
            case "p99" -> Metric.P99;
            case "p999", "p99.9" -> Metric.P999;
            case "max" -> Metric.MAX;
            case "errors" -> Metric.ERRORS;
            case "late" -> Metric.LATE;
            default -> Metric.RATE;
        };
        String op = m.group(2);
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4);
        boolean latency = metric.ordinal() <= Metric.MAX.ordinal();
        boolean percent = "%".equals(unit);
        if (latency) {
            if (unit == null || unit.equals("%") || unit.equals("/s")) {
                throw new IllegalArgumentException("'" + text + "': a latency threshold needs ms or s, as in p99<200ms");
            }
            value = unit.equals("s") ? Durations.parse(m.group(3) + "s").toNanos() / 1e6 : value;
        } else if (metric == Metric.RATE && percent) {
            throw new IllegalArgumentException("'" + text + "': a rate threshold is in requests/s, as in rate>290");
        } else if (metric != Metric.RATE && unit != null && !percent) {
            throw new IllegalArgumentException("'" + text + "': errors and late take a count or a percentage");
        }
        if (percent && value > 100) {
            throw new IllegalArgumentException("'" + text + "': a percentage is at most 100%");
        }
        return new Threshold(text.trim(), metric, op.startsWith("<"), op.length() == 2, value, percent);
    }

    public static Threshold latencyBelow(String percentile, Duration limit) {
        return parse(percentile + "<" + limit.toMillis() + "ms");
    }

    /** Whether the rule can be judged while the run goes on (a rate can only be judged at the end). */
    public boolean checkedLive() {
        return metric != Metric.RATE;
    }

    /**
     * Whether judging it during the run waits for {@link #MIN_SAMPLES} requests: a latency or a share
     * of few requests says little, a count over its limit is final.
     */
    public boolean needsSamples() {
        return !((metric == Metric.ERRORS || metric == Metric.LATE) && !percent && below);
    }

    /** The figure this rule looks at, from the run's totals so far. */
    public double actual(Percentiles corrected, long requests, long errors, long late, double achievedRate) {
        return switch (metric) {
            case P50 -> corrected.p50();
            case P90 -> corrected.p90();
            case P99 -> corrected.p99();
            case P999 -> corrected.p999();
            case MAX -> corrected.max();
            case ERRORS -> percent ? (requests == 0 ? 0 : 100.0 * errors / requests) : errors;
            case LATE -> percent ? (requests == 0 ? 0 : 100.0 * late / requests) : late;
            case RATE -> achievedRate;
        };
    }

    public boolean passes(double actual) {
        if (below) {
            return inclusive ? actual <= limit : actual < limit;
        }
        return inclusive ? actual >= limit : actual > limit;
    }

    @Override
    public String toString() {
        return expression;
    }
}
