package org.opsconsole.console.load.report;

import java.util.Locale;
import java.util.Map;

/** The final report as a plain-text table, for a terminal. */
public final class ReportText {

    private ReportText() {
    }

    /** A figure as a report writes it: whole numbers without decimals, others with two. */
    public static String figure(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String table(LoadReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(r.runId()).append(": ").append(r.model()).append(" model, ").append(r.target())
                .append('\n');
        out.append("Outcome: ").append(r.outcome());
        if (r.stopReason() != null) {
            out.append(" (").append(r.stopReason()).append(')');
        }
        out.append('\n');
        if ("open".equals(r.model())) {
            out.append(String.format(Locale.ROOT, "Target %.1f/s  achieved %.1f/s  ", r.targetRate(), r.achievedRate()));
        } else {
            out.append(String.format(Locale.ROOT, "%d virtual users, think %s ms  achieved %.1f/s  ", r.vus(),
                    figure(r.thinkMs()), r.achievedRate()));
        }
        out.append(String.format(Locale.ROOT, "duration %.2f s  requests %d  errors %d (%.2f%%)  late %d (%.2f%%, max %s ms behind)%n",
                r.durationSeconds(), r.requests(), r.errors(), r.errorPercent(), r.late(), r.latePercent(),
                figure(r.maxBehindMs())));
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-20s %10s %10s %10s %10s %10s%n", "latency (ms)", "p50", "p90", "p99",
                "p99.9", "max"));
        percentiles(out, "corrected", r.latencyMs().corrected());
        percentiles(out, "uncorrected", r.latencyMs().uncorrected());
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-20s %8s %9s %9s %9s %9s %9s %9s  %s%n", "operation", "count", "rate/s",
                "p50", "p90", "p99", "p99.9", "max", "errors"));
        for (LoadReport.OperationReport op : r.operations()) {
            out.append(String.format(Locale.ROOT, "%-20s %8d %9.1f %9.2f %9.2f %9.2f %9.2f %9.2f  %d%s%n", op.name(),
                    op.count(), op.rate(), op.p50Ms(), op.p90Ms(), op.p99Ms(), op.p999Ms(), op.maxMs(), op.errorCount(),
                    kinds(op.errors())));
        }
        if (!r.thresholds().isEmpty()) {
            out.append('\n');
            for (LoadReport.ThresholdResult t : r.thresholds()) {
                out.append(String.format(Locale.ROOT, "threshold %-20s actual %-12s %s%n", t.expression(),
                        figure(t.actual()), t.passed() ? "passed" : "FAILED"));
            }
        }
        for (String warning : r.warnings()) {
            out.append('\n').append("!! ").append(warning).append('\n');
        }
        if (r.loadData() != null) {
            out.append('\n').append(r.loadData().summary()).append('\n');
        }
        return out.toString();
    }

    private static void percentiles(StringBuilder out, String label, Percentiles p) {
        out.append(String.format(Locale.ROOT, "%-20s %10.2f %10.2f %10.2f %10.2f %10.2f%n", label, p.p50(), p.p90(),
                p.p99(), p.p999(), p.max()));
    }

    private static String kinds(Map<String, Long> kinds) {
        if (kinds.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        kinds.forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(k).append(": ").append(v));
        return sb.append(')').toString();
    }
}
