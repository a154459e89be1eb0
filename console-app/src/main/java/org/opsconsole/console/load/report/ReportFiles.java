package org.opsconsole.console.load.report;


import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.opsconsole.model.Json;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link LoadReport} as JSON (and reads it back), as CSV (the operations table, plus the
 * per-second timeline beside it) and as a self-contained HTML page ({@link HtmlReport}). Every file is
 * written to a temporary name and moved into place, so a reader never sees half a report.
 */
public final class ReportFiles {

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // reports saved by a newer version still open
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportFiles() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(LoadReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("a report always serialises", e);
        }
    }

    public static void writeJson(LoadReport report, Path file) throws IOException {
        write(file, toJson(report));
    }

    public static LoadReport readJson(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), LoadReport.class);
    }

    /**
     * The operations table as CSV (one row per operation, then {@code all} for the whole run with
     * corrected and {@code all (uncorrected)}), and the timeline as {@code <name>-timeline.csv} beside it.
     */
    public static void writeCsv(LoadReport report, Path file) throws IOException {
        write(file, operationsCsv(report));
        String name = file.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        write(file.resolveSibling(base + "-timeline.csv"), timelineCsv(report));
    }

    public static String operationsCsv(LoadReport report) {
        StringBuilder csv = new StringBuilder("name,count,rate,p50Ms,p90Ms,p99Ms,p999Ms,maxMs,errorCount,errors\n");
        for (LoadReport.OperationReport op : report.operations()) {
            row(csv, op.name(), op.count(), op.rate(), op.p50Ms(), op.p90Ms(), op.p99Ms(), op.p999Ms(), op.maxMs(),
                    op.errorCount(), kinds(op.errors()));
        }
        Percentiles c = report.latencyMs().corrected();
        Percentiles u = report.latencyMs().uncorrected();
        row(csv, "all", report.requests(), report.achievedRate(), c.p50(), c.p90(), c.p99(), c.p999(), c.max(),
                report.errors(), kinds(report.errorsByKind()));
        row(csv, "all (uncorrected)", report.requests(), report.achievedRate(), u.p50(), u.p90(), u.p99(), u.p999(),
                u.max(), report.errors(), kinds(report.errorsByKind()));
        return csv.toString();
    }

    public static String timelineCsv(LoadReport report) {
        StringBuilder csv = new StringBuilder("second,targetRate,achievedRate,errors,late,behindMs,p50Ms,p90Ms,p99Ms,"
                + "maxMs,uncorrectedP50Ms,uncorrectedP99Ms\n");
        for (LoadReport.SecondSample s : report.timeline()) {
            row(csv, s.second(), s.targetRate(), s.achievedRate(), s.errors(), s.late(), s.behindMs(), s.p50Ms(),
                    s.p90Ms(), s.p99Ms(), s.maxMs(), s.uncorrectedP50Ms(), s.uncorrectedP99Ms());
        }
        return csv.toString();
    }

    public static void writeHtml(LoadReport report, Path file) throws IOException {
        write(file, HtmlReport.render(report));
    }

    private static String kinds(Map<String, Long> kinds) {
        return kinds.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static void row(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append('\n');
    }

    private static String cell(Object value) {
        String text = value instanceof Double d ? ReportText.figure(d) : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".report-", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(text);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
