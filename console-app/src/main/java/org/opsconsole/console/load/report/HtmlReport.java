package org.opsconsole.console.load.report;


import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A report as one self-contained HTML page: tables and inline SVG charts drawn here, no script, no
 * style sheet, font or image from anywhere else, so it opens the same offline, in a mail or in an
 * archive years later.
 */
public final class HtmlReport {


    private HtmlReport() {
    }

    /** Starts a page titled {@code title}: the styles every report shares, then the body. */
    public static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff;max-width:1000px}")
                .append("h1{font-size:22px}h2{font-size:17px;margin-top:28px}")
                .append("table{border-collapse:collapse;margin:8px 0}td,th{padding:4px 10px;border-bottom:1px solid #d0d7de;text-align:right}")
                .append("th{background:#f6f8fa}td:first-child,th:first-child{text-align:left}")
                .append(".warn{background:#fff1f0;border:2px solid #cf222e;color:#82071e;padding:10px 14px;font-weight:600;margin:12px 0}")
                .append(".ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}")
                .append("svg{display:block;margin:8px 0;background:#fff}.muted{color:#656d76}")
                .append("</style></head><body>\n");
    }

    /** A line of a chart. */
    private record Series(String name, String color, ToDoubleFunction<LoadReport.SecondSample> value) {
    }

    static String render(LoadReport r) {
        StringBuilder h = new StringBuilder(32_768);
        head(h, "Load run " + r.runId());
        h.append("<h1>Load run ").append(esc(r.runId())).append("</h1>\n");
        h.append("<p class=\"muted\">").append(esc(String.valueOf(r.startedAt()))).append(" &middot; ")
                .append(esc(r.model())).append(" model &middot; ").append(esc(r.target())).append("</p>\n");
        h.append("<p>Outcome: <span class=\"").append(LoadReport.COMPLETED.equals(r.outcome()) ? "ok" : "bad").append("\">")
                .append(esc(r.outcome())).append("</span>");
        if (r.stopReason() != null) {
            h.append(" &mdash; ").append(esc(r.stopReason()));
        }
        h.append("</p>\n");
        if (r.loadData() != null) {
            h.append("<p>").append(esc(r.loadData().summary())).append("</p>\n");
        }
        for (String warning : r.warnings()) {
            h.append("<div class=\"warn\">").append(esc(warning)).append("</div>\n");
        }

        h.append("<h2>Summary</h2><table>");
        kv(h, "Target rate", r.model().equals("open") ? num(r.targetRate()) + " /s" : "closed model: " + r.vus()
                + " users, think " + num(r.thinkMs() == null ? 0 : r.thinkMs()) + " ms");
        if (r.stages() != null) {
            kv(h, "Stages", r.stages());
        }
        kv(h, "Achieved rate", num(r.achievedRate()) + " /s");
        kv(h, "Duration", num(r.durationSeconds()) + " s");
        kv(h, "Requests", Long.toString(r.requests()));
        kv(h, "Errors", r.errors() + " (" + num(r.errorPercent()) + " %)");
        kv(h, "Late sends (&gt; " + num(r.lateAfterMs()) + " ms)", r.late() + " (" + num(r.latePercent())
                + " %), at most " + num(r.maxBehindMs()) + " ms behind", true);
        kv(h, "Connections", Integer.toString(r.connections()));
        h.append("</table>\n");

        h.append("<h2>Latency (ms)</h2><table><tr><th></th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
        latencyRow(h, "corrected (from planned send)", r.latencyMs().corrected());
        latencyRow(h, "uncorrected (from actual send)", r.latencyMs().uncorrected());
        h.append("</table>\n");

        h.append("<h2>Operations</h2><table><tr><th>operation</th><th>count</th><th>rate /s</th><th>p50</th><th>p90</th>")
                .append("<th>p99</th><th>p99.9</th><th>max</th><th>errors</th></tr>");
        for (LoadReport.OperationReport op : r.operations()) {
            h.append("<tr><td>").append(esc(op.name())).append("</td><td>").append(op.count()).append("</td><td>")
                    .append(num(op.rate())).append("</td><td>").append(num(op.p50Ms())).append("</td><td>")
                    .append(num(op.p90Ms())).append("</td><td>").append(num(op.p99Ms())).append("</td><td>")
                    .append(num(op.p999Ms())).append("</td><td>").append(num(op.maxMs())).append("</td><td>")
                    .append(op.errorCount()).append(kinds(op.errors())).append("</td></tr>");
        }
        h.append("</table>\n");

        if (!r.thresholds().isEmpty()) {
            h.append("<h2>Thresholds</h2><table><tr><th>threshold</th><th>actual</th><th>result</th></tr>");
            for (LoadReport.ThresholdResult t : r.thresholds()) {
                h.append("<tr><td>").append(esc(t.expression())).append("</td><td>").append(num(t.actual()))
                        .append("</td><td class=\"").append(t.passed() ? "ok\">passed" : "bad\">FAILED").append("</td></tr>");
            }
            h.append("</table>\n");
        }

        List<LoadReport.SecondSample> t = r.timeline();
        h.append("<h2>Rate (requests/s)</h2>");
        chart(h, t, List.of(new Series("target", "#8c959f", LoadReport.SecondSample::targetRate),
                new Series("achieved", "#0969da", LoadReport.SecondSample::achievedRate)));
        h.append("<h2>Latency per second (ms)</h2>");
        chart(h, t, List.of(new Series("p50", "#1a7f37", LoadReport.SecondSample::p50Ms),
                new Series("p99", "#cf222e", LoadReport.SecondSample::p99Ms),
                new Series("max", "#bf8700", LoadReport.SecondSample::maxMs),
                new Series("p99 uncorrected", "#8250df", LoadReport.SecondSample::uncorrectedP99Ms)));
        h.append("<h2>Errors and late sends per second</h2>");
        chart(h, t, List.of(new Series("errors", "#cf222e", s -> s.errors()),
                new Series("late sends", "#bf8700", s -> s.late())));
        h.append("<p class=\"muted\">Corrected latency counts from the moment a request was planned to leave, so a ")
                .append("stalled server can't hide its tail behind the requests it kept from being sent.</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void chart(StringBuilder h, List<LoadReport.SecondSample> samples, List<Series> series) {
        SvgChart.draw(h, "s", series.stream()
                .map(s -> SvgChart.Line.of(s.name(), s.color(), samples.stream()
                        .map(sample -> new double[] {sample.second(), s.value().applyAsDouble(sample)}).toList()))
                .toList());
    }

    private static void latencyRow(StringBuilder h, String label, Percentiles p) {
        h.append("<tr><td>").append(esc(label)).append("</td><td>").append(num(p.p50())).append("</td><td>")
                .append(num(p.p90())).append("</td><td>").append(num(p.p99())).append("</td><td>")
                .append(num(p.p999())).append("</td><td>").append(num(p.max())).append("</td></tr>");
    }

    private static void kv(StringBuilder h, String key, String value) {
        kv(h, key, esc(value), false);
    }

    private static void kv(StringBuilder h, String keyHtml, String value, boolean loudWhenNonZero) {
        boolean loud = loudWhenNonZero && !value.startsWith("0 ");
        h.append("<tr><td>").append(keyHtml).append("</td><td").append(loud ? " class=\"bad\"" : "").append(">")
                .append(loudWhenNonZero ? esc(value) : value).append("</td></tr>");
    }

    private static String kinds(Map<String, Long> kinds) {
        if (kinds.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        kinds.forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(esc(k)).append(": ").append(v));
        return sb.append(')').toString();
    }

    private static String num(double value) {
        return ReportText.figure(value);
    }

    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
