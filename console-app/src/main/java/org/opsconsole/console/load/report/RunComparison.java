package org.opsconsole.console.load.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two runs side by side, figure by figure, with the change from {@code base} to {@code other} and
 * whether it is a regression (slower, fewer requests per second, more errors or late sends).
 */
public record RunComparison(String baseId, String otherId, List<Row> rows, List<OperationRow> operations,
                            double baseTargetRate, double otherTargetRate) {

    /** One figure in both runs; {@code higherIsBetter} tells which way is a regression. */
    public record Row(String metric, double base, double other, double change, Double changePercent,
                      boolean higherIsBetter, boolean worse) {
        public static Row of(String metric, double base, double other, boolean higherIsBetter) {
            double change = other - base;
            Double percent = base == 0 ? null : Math.round(10_000.0 * change / base) / 100.0;
            // a change under 5% (or within a millisecond) is noise on a shared machine, not a regression
            boolean significant = Math.abs(change) > Math.max(0.05 * Math.abs(base), higherIsBetter ? 0 : 1.0);
            boolean worse = significant && (higherIsBetter ? change < 0 : change > 0);
            return new Row(metric, base, other, Math.round(change * 1000.0) / 1000.0, percent, higherIsBetter, worse);
        }

        /** The figure in words, for people: "Achieved rate (req/s)" for {@code achievedRate}. */
        public String label() {
            return switch (metric) {
                case "achievedRate" -> "Achieved rate (req/s)";
                case "requests" -> "Requests";
                case "errorPercent" -> "Errors (%)";
                case "latePercent" -> "Late sends (%)";
                case "p999Ms" -> "p99.9 latency (ms)";
                case "maxMs" -> "Max latency (ms)";
                case "uncorrectedP99Ms" -> "p99 uncorrected (ms)";
                default -> metric.endsWith("Ms") ? metric.substring(0, metric.length() - 2) + " latency (ms)" : metric;
            };
        }
    }

    /** One operation's p99 and rate in both runs (null where a run didn't have it). */
    public record OperationRow(String name, Double baseRate, Double otherRate, Double baseP99Ms, Double otherP99Ms,
                               Long baseErrors, Long otherErrors) {
    }

    public static RunComparison of(LoadReport base, LoadReport other) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("achievedRate", base.achievedRate(), other.achievedRate(), true));
        rows.add(Row.of("requests", base.requests(), other.requests(), true));
        rows.add(Row.of("errorPercent", base.errorPercent(), other.errorPercent(), false));
        rows.add(Row.of("latePercent", base.latePercent(), other.latePercent(), false));
        for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
            rows.add(Row.of(p + "Ms", base.latencyMs().corrected().get(p), other.latencyMs().corrected().get(p), false));
        }
        rows.add(Row.of("uncorrectedP99Ms", base.latencyMs().uncorrected().p99(), other.latencyMs().uncorrected().p99(), false));
        Set<String> names = new LinkedHashSet<>();
        base.operations().forEach(o -> names.add(o.name()));
        other.operations().forEach(o -> names.add(o.name()));
        List<OperationRow> ops = new ArrayList<>();
        for (String name : names) {
            LoadReport.OperationReport b = find(base, name);
            LoadReport.OperationReport o = find(other, name);
            ops.add(new OperationRow(name, b == null ? null : b.rate(), o == null ? null : o.rate(),
                    b == null ? null : b.p99Ms(), o == null ? null : o.p99Ms(),
                    b == null ? null : b.errorCount(), o == null ? null : o.errorCount()));
        }
        return new RunComparison(base.runId(), other.runId(), rows, ops, base.targetRate(), other.targetRate());
    }

    /** A warning when the runs were asked for different rates (more than 5% apart): their latencies then differ for that reason alone. */
    public java.util.Optional<String> targetsNote() {
        if (Math.abs(baseTargetRate - otherTargetRate) <= 0.05 * Math.max(baseTargetRate, otherTargetRate)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                "The runs had different targets (%s/s and %s/s): figures differ for that reason too.",
                rate(baseTargetRate), rate(otherTargetRate)));
    }

    private static String rate(double value) {
        return value == 0 ? "closed model, no target " : String.format(java.util.Locale.ROOT, "%,.0f", value);
    }

    private static LoadReport.OperationReport find(LoadReport report, String name) {
        return report.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }

    public boolean anyWorse() {
        return rows.stream().anyMatch(Row::worse);
    }
}
