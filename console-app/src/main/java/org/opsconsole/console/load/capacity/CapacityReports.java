package org.opsconsole.console.load.capacity;

import org.opsconsole.console.load.report.HtmlReport;
import org.opsconsole.console.load.report.ReportFiles;
import org.opsconsole.console.load.report.SvgChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.opsconsole.console.load.capacity.CapacityResult.figure;
import static org.opsconsole.console.load.capacity.CapacityResult.rate;
import static org.opsconsole.console.load.report.HtmlReport.esc;

/** A capacity search's result as text, JSON and a self-contained HTML page, and where they are kept. */
public final class CapacityReports {

    /** Beside the saved load runs: {@code <load-runs>/capacity/<id>.json}. */
    public static final String FOLDER = "capacity";

    private CapacityReports() {
    }

    /** One line per step, as the search tells of it. */
    public static String stepLine(CapacityStep s) {
        return String.format(Locale.ROOT, "step %2d  %9s  achieved %9s  p50 %7s ms  p99 %8s ms  errors %5s%%  "
                        + "in flight %6s (X*W %6s%s)  %s", s.number(), rate(s.offeredRate()), rate(s.throughput()),
                figure(s.p50Ms()), figure(s.p99Ms()), figure(s.errorPercent()), figure(s.measuredConcurrency()),
                figure(s.littleConcurrency()), s.littleAgrees() ? "" : ", disagree", s.verdictText());
    }


    /** The result in words: what was found, the model, the Little's law check, how long it took. */
    public static String text(CapacityResult r) {
        StringBuilder out = new StringBuilder();
        out.append(r.summary()).append('\n');
        if (r.usl() != null) {
            out.append(usl(r.usl())).append('\n');
        } else {
            out.append("Universal Scalability Law: ").append(r.uslNote()).append('\n');
        }
        out.append(little(r)).append('\n');
        out.append(String.format(Locale.ROOT, "The search took %.0f s, %d step%s.%n", r.searchSeconds(), r.steps().size(),
                r.steps().size() == 1 ? "" : "s"));
        return out.toString();
    }

    static String usl(UslModel m) {
        String peak = Double.isFinite(m.peakConcurrency())
                ? "predicted peak " + rate(m.peakThroughput()) + " at " + figure(Math.max(1, m.peakConcurrency())) + " requests in flight"
                : "no peak (no coherency cost): throughput approaches " + rate(m.peakThroughput());
        return "Universal Scalability Law: lambda " + figure(m.lambda()) + "/s per request in flight "
                + interval(m.lambdaInterval()) + ", contention sigma " + String.format(Locale.ROOT, "%.4f", m.sigma()) + " "
                + interval(m.sigmaInterval()) + ", coherency kappa " + String.format(Locale.ROOT, "%.6f", m.kappa()) + " "
                + interval(m.kappaInterval()) + "; " + peak + (m.peakExtrapolated()
                ? " (extrapolated: beyond the " + figure(m.measuredUpTo()) + " in flight measured)" : " (within what was measured)")
                + (m.tooLittleConcurrency() ? ". Poorly determined: fewer than one request was in flight at every step "
                + "(the server answered faster than requests came), too little concurrency for throughput to bend; ignore the peak"
                : m.poorlyDetermined() ? ". Poorly determined: an interval is wider than its value, the steps did not reach "
                + "the load where throughput bends (the engine's limit or the thresholds came first); take the peak as a guess" : "");
    }

    private static String interval(UslModel.Interval i) {
        return String.format(Locale.ROOT, "(95%%: %.4g to %.4g)", i.low(), i.high());
    }

    static String little(CapacityResult r) {
        List<String> off = r.steps().stream().filter(s -> !s.littleAgrees()).map(s -> Integer.toString(s.number())).toList();
        boolean someBelowOne = r.steps().stream().anyMatch(s -> Math.max(s.littleConcurrency(), s.measuredConcurrency()) < 1);
        return off.isEmpty() ? "Little's law holds in every step (measured in flight = throughput x time in flight, within 20%"
                + (someBelowOne ? "; steps with less than one request in flight are not judged" : "") + ")."
                : "Little's law: step" + (off.size() > 1 ? "s " : " ") + String.join(", ", off) + " disagree (measured in flight "
                + "vs throughput x time in flight, by more than 20%): not steady (a queue still growing), or the load tool "
                + "was the bottleneck.";
    }

    public static void writeJson(CapacityResult r, Path file) throws IOException {
        Files.writeString(file, ReportFiles.mapper().writeValueAsString(r), StandardCharsets.UTF_8);
    }

    public static CapacityResult readJson(Path file) throws IOException {
        return ReportFiles.mapper().readValue(file.toFile(), CapacityResult.class);
    }

    /** Saves {@code r} among the capacity results of the load runs in {@code loadRuns}; answers its file. */
    public static Path save(CapacityResult r, Path loadRuns) throws IOException {
        Path folder = loadRuns.resolve(FOLDER);
        Files.createDirectories(folder);
        Path file = folder.resolve(r.id() + ".json");
        writeJson(r, file);
        return file;
    }

    /** The kept result {@code id}; an IOException saying so when there is none. */
    public static CapacityResult load(Path loadRuns, String id) throws IOException {
        Path file = loadRuns.resolve(FOLDER).resolve(id + ".json");
        if (!id.matches("[A-Za-z0-9-]+") || !Files.isRegularFile(file)) {
            throw new IOException("No capacity result " + id + " in " + loadRuns.resolve(FOLDER) + " ('load capacity list' lists them)");
        }
        return readJson(file);
    }

    /** The capacity results kept in {@code loadRuns}, newest first; an unreadable file is left out. */
    public static List<CapacityResult> list(Path loadRuns) throws IOException {
        Path folder = loadRuns.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<CapacityResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    results.add(readJson(file));
                } catch (IOException | RuntimeException e) {
                    // damaged or not ours: the others are listed
                }
            }
        }
        results.sort(Comparator.comparing(CapacityResult::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return results;
    }

    public static void writeHtml(CapacityResult r, Path file) throws IOException {
        Files.writeString(file, html(r), StandardCharsets.UTF_8);
    }

    /** A self-contained page: the finding, the curves against offered load, the model, every step. */
    public static String html(CapacityResult r) {
        StringBuilder h = new StringBuilder(32_768);
        HtmlReport.head(h, "Capacity search " + r.id());
        h.append("<h1>Capacity search ").append(esc(r.id())).append("</h1>\n<p class=\"muted\">")
                .append(esc(String.valueOf(r.startedAt()))).append(" &middot; ").append(esc(r.target()))
                .append(" &middot; thresholds ").append(esc(r.thresholds())).append("</p>\n");
        h.append("<p class=\"").append(r.outcome() == CapacityResult.Outcome.FOUND ? "ok" : "bad").append("\">")
                .append(esc(r.summary())).append("</p>\n");
        List<CapacityStep> byRate = r.steps().stream().sorted(Comparator.comparingDouble(CapacityStep::offeredRate)).toList();
        h.append("<h2>Throughput against offered load (requests/s)</h2>");
        SvgChart.draw(h, "/s", List.of(
                new SvgChart.Line("offered", "#8c959f", byRate.stream().map(s -> new double[] {s.offeredRate(), s.offeredRate()}).toList(), true, false),
                new SvgChart.Line("achieved", "#0969da", byRate.stream().map(s -> new double[] {s.offeredRate(), s.throughput()}).toList(), false, true)));
        h.append("<h2>Latency against offered load (ms)</h2>");
        SvgChart.draw(h, "/s", List.of(
                new SvgChart.Line("p50", "#1a7f37", byRate.stream().map(s -> new double[] {s.offeredRate(), s.p50Ms()}).toList(), false, true),
                new SvgChart.Line("p99", "#cf222e", byRate.stream().map(s -> new double[] {s.offeredRate(), s.p99Ms()}).toList(), false, true)));
        h.append("<h2>Universal Scalability Law: throughput against requests in flight</h2>");
        if (r.usl() != null) {
            UslModel m = r.usl();
            double end = Math.max(m.measuredUpTo(), Double.isFinite(m.peakConcurrency()) ? Math.min(m.peakConcurrency() * 1.5, m.measuredUpTo() * 4) : m.measuredUpTo() * 2);
            List<double[]> within = new ArrayList<>();
            List<double[]> beyond = new ArrayList<>();
            for (int i = 0; i <= 100; i++) {
                double n = end * i / 100;
                (n <= m.measuredUpTo() ? within : beyond).add(new double[] {n, m.throughput(n)});
            }
            if (!beyond.isEmpty()) {
                beyond.addFirst(within.getLast());
            }
            List<SvgChart.Line> lines = new ArrayList<>();
            lines.add(new SvgChart.Line("measured (Little's law)", "#0969da", byConcurrency(r), false, true));
            lines.add(SvgChart.Line.of("model", "#8250df", within));
            if (!beyond.isEmpty()) {
                lines.add(new SvgChart.Line("model, extrapolated", "#8250df", beyond, true, false));
            }
            SvgChart.draw(h, "", lines);
            h.append("<p>").append(esc(usl(m))).append("</p>\n");
        } else {
            h.append("<p class=\"muted\">").append(esc(r.uslNote())).append("</p>\n");
        }
        h.append("<h2>Steps</h2><table><tr><th>step</th><th>offered /s</th><th>achieved /s</th><th>p50 ms</th><th>p99 ms</th>")
                .append("<th>errors %</th><th>in flight</th><th>X&times;W</th><th>Little</th><th>verdict</th></tr>\n");
        for (CapacityStep s : r.steps()) {
            h.append("<tr><td>").append(s.number()).append("</td><td>").append(figure(s.offeredRate())).append("</td><td>")
                    .append(figure(s.throughput())).append("</td><td>").append(figure(s.p50Ms())).append("</td><td>")
                    .append(figure(s.p99Ms())).append("</td><td>").append(figure(s.errorPercent())).append("</td><td>")
                    .append(figure(s.measuredConcurrency())).append("</td><td>").append(figure(s.littleConcurrency()))
                    .append("</td><td class=\"").append(s.littleAgrees() ? "ok\">agrees" : "bad\">disagrees").append("</td><td>")
                    .append(esc(s.verdictText())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"muted\">").append(esc(little(r))).append("</p>\n</body></html>\n");
        return h.toString();
    }

    private static List<double[]> byConcurrency(CapacityResult r) {
        return r.steps().stream().map(s -> new double[] {s.littleConcurrency(), s.throughput()})
                .sorted(Comparator.comparingDouble(p -> p[0])).collect(Collectors.toList());
    }
}
