package org.opsconsole.console.load.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.ReportFiles;
import org.opsconsole.console.load.report.RunComparison;
import org.opsconsole.console.load.report.RunStore;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.OperationMix;
import org.opsconsole.console.load.workload.RatePlan;
import org.opsconsole.console.load.workload.ServiceOperations;
import org.opsconsole.console.load.workload.Threshold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {

    private static LoadReport report;

    @BeforeAll
    static void runOnce() throws Exception {
        try (TestServer server = new TestServer(Duration.ofMillis(1))) {
            LoadScenario scenario = LoadScenario.of(
                            new LoadScenario.Services(server.url(), server.url(), OperationMix.parse(ServiceOperations.DEFAULT_MIX)),
                            new LoadScenario.Open(RatePlan.constant(200, Duration.ofSeconds(2))))
                    .withThresholds(List.of(Threshold.parse("p99<5s"), Threshold.parse("errors<1%")));
            report = LoadEngine.start(scenario).completion().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void json_report_has_the_promised_fields() throws Exception {
        JsonNode json = ReportFiles.mapper().readTree(ReportFiles.toJson(report));

        for (String field : List.of("targetRate", "achievedRate", "durationSeconds", "requests", "errors", "late",
                "latencyMs", "operations", "timeline", "thresholds")) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        for (String kind : List.of("corrected", "uncorrected")) {
            for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
                assertThat(json.path("latencyMs").path(kind).path(p).isNumber()).as(kind + "." + p).isTrue();
            }
        }
        JsonNode op = json.path("operations").get(0);
        for (String field : List.of("name", "count", "rate", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs", "errors")) {
            assertThat(op.has(field)).as("operations[0]." + field).isTrue();
        }
        assertThat(op.path("errors").isObject()).isTrue();
        assertThat(json.path("targetRate").asDouble()).isEqualTo(200.0);
        assertThat(json.path("requests").asLong()).isEqualTo(400);
    }

    @Test
    void json_round_trips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        ReportFiles.writeJson(report, file);
        assertThat(ReportFiles.readJson(file)).isEqualTo(report);
    }

    @Test
    void html_report_is_self_contained(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.html");
        ReportFiles.writeHtml(report, file);
        String html = Files.readString(file);

        assertThat(html).contains("<svg", "<polyline", "read-user", "corrected");
        // the only URLs on the page are the services named as text; nothing is fetched
        assertThat(html.replace("http://127.0.0.1", "")).doesNotContainPattern("(?i)https?://");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=").doesNotContainPattern("(?i)@import|url\\(")
                .doesNotContain("<link", "<script");
    }

    @Test
    void csv_report_has_a_row_per_operation_and_a_timeline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.csv");
        ReportFiles.writeCsv(report, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("name,count,rate,p50Ms,p90Ms,p99Ms,p999Ms,maxMs,errorCount,errors");
        assertThat(lines).hasSize(1 + report.operations().size() + 2);
        assertThat(lines).anyMatch(l -> l.startsWith("read-user,"));
        assertThat(Files.readAllLines(dir.resolve("r-timeline.csv"))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void run_store_lists_loads_marks_a_baseline_and_compares(@TempDir Path dir) throws Exception {
        RunStore store = new RunStore(dir.resolve("load-runs"));
        assertThat(store.list()).isEmpty();
        store.save(report);
        // the same run, a minute later, at half the rate and with a much worse tail
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) ReportFiles.mapper().readTree(ReportFiles.toJson(report));
        json.put("runId", "later-run");
        json.put("startedAt", report.startedAt().plusSeconds(60).toString());
        json.put("achievedRate", report.achievedRate() / 2);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("latencyMs").path("corrected")).put("p99", 990.0);
        LoadReport slower = ReportFiles.mapper().treeToValue(json, LoadReport.class);
        store.save(slower);
        store.markBaseline(report.runId());

        assertThat(store.list()).extracting(RunStore.RunSummary::id).containsExactly("later-run", report.runId());
        assertThat(store.list()).filteredOn(RunStore.RunSummary::baseline).singleElement()
                .extracting(RunStore.RunSummary::id).isEqualTo(report.runId());
        assertThat(store.load("later-run").achievedRate()).isEqualTo(report.achievedRate() / 2);

        RunComparison comparison = store.compare(report.runId(), "later-run");
        assertThat(comparison.anyWorse()).isTrue();
        assertThat(comparison.rows()).filteredOn(r -> r.metric().equals("p99Ms")).singleElement()
                .satisfies(r -> assertThat(r.worse()).isTrue());
        assertThat(comparison.rows()).filteredOn(r -> r.metric().equals("achievedRate")).singleElement()
                .satisfies(r -> assertThat(r.worse()).isTrue());
        assertThat(RunComparison.of(report, report).anyWorse()).isFalse();
        assertThat(Map.of("ops", comparison.operations().size())).containsEntry("ops", report.operations().size());
    }
}
