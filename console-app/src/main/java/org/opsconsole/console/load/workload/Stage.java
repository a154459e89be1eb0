package org.opsconsole.console.load.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of an open-model run: the arrival rate goes linearly from {@code fromRate} to
 * {@code toRate} (requests per second) over {@code duration}. A constant stage has both rates equal;
 * a step stage is written as several constant stages.
 *
 * <p>Text form, as the command line takes it ({@link #parse}):
 * <ul>
 *   <li>{@code 30s@300}: constant 300/s for 30 s;</li>
 *   <li>{@code 1m@0->1000}: ramp from 0/s to 1000/s over one minute;</li>
 *   <li>{@code 40s@100->400/4}: four equal steps of 10 s each: 100, 200, 300, 400/s.</li>
 * </ul>
 */
public record Stage(Duration duration, double fromRate, double toRate) {

    private static final Pattern TEXT = Pattern.compile(
            "(?<duration>[0-9.]+(?:ms|s|m|h)?)@(?<from>[0-9.]+)(?:->(?<to>[0-9.]+)(?:/(?<steps>[0-9]+))?)?(?:/s)?");

    public Stage {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a stage needs a positive duration");
        }
        if (!(fromRate >= 0) || !(toRate >= 0) || Double.isInfinite(fromRate) || Double.isInfinite(toRate)) {
            throw new IllegalArgumentException("a stage's rates must be zero or more requests per second");
        }
    }

    public static Stage constant(Duration duration, double rate) {
        return new Stage(duration, rate, rate);
    }

    public static Stage ramp(Duration duration, double fromRate, double toRate) {
        return new Stage(duration, fromRate, toRate);
    }

    /** {@code steps} constant stages splitting {@code duration}, from {@code fromRate} up (or down) to {@code toRate}. */
    public static List<Stage> steps(Duration duration, double fromRate, double toRate, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a step stage needs at least one step");
        }
        List<Stage> stages = new ArrayList<>();
        Duration each = duration.dividedBy(steps);
        for (int i = 0; i < steps; i++) {
            double rate = steps == 1 ? toRate : fromRate + (toRate - fromRate) * i / (steps - 1);
            stages.add(constant(each, rate));
        }
        return stages;
    }

    /** Parses the text form described on this class; one text can give several stages (steps). */
    public static List<Stage> parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a stage: use DURATION@RATE (30s@300), "
                    + "DURATION@FROM->TO for a ramp (1m@0->1000) or DURATION@FROM->TO/STEPS for steps (40s@100->400/4)");
        }
        Duration duration = Durations.parse(m.group("duration"));
        double from = Double.parseDouble(m.group("from"));
        if (m.group("to") == null) {
            return List.of(constant(duration, from));
        }
        double to = Double.parseDouble(m.group("to"));
        if (m.group("steps") != null) {
            return steps(duration, from, to, Integer.parseInt(m.group("steps")));
        }
        return List.of(ramp(duration, from, to));
    }

    double seconds() {
        return duration.toNanos() / 1e9;
    }

    /** How many requests this stage plans: the integral of its rate. */
    double plannedRequests() {
        return (fromRate + toRate) / 2 * seconds();
    }

    /** The rate {@code t} seconds into the stage. */
    double rateAt(double t) {
        return fromRate + (toRate - fromRate) * t / seconds();
    }

    /** When (seconds into the stage) the {@code n}-th request of the stage (n may be fractional) is due. */
    double timeOf(double n) {
        double k = (toRate - fromRate) / seconds();
        if (Math.abs(k) < 1e-12) {
            return n / fromRate;
        }
        // n = from * t + k t^2 / 2, solved for t >= 0
        double disc = fromRate * fromRate + 2 * k * n;
        return (-fromRate + Math.sqrt(Math.max(0, disc))) / k;
    }

    @Override
    public String toString() {
        String d = Durations.format(duration);
        return fromRate == toRate ? d + "@" + fmt(fromRate) : d + "@" + fmt(fromRate) + "->" + fmt(toRate);
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
