package org.opsconsole.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.model.Json;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

class LoadCommandTest {

    private HttpServer server;
    private String url;

    @TempDir
    Path dir;

    private LoadCli cli;

    @BeforeEach
    void startServer() throws Exception {
        cli = new LoadCli(dir);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                if (ex.getRequestURI().getPath().equals("/slow")) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                int status = ex.getRequestURI().getPath().equals("/missing") ? 404 : 200;
                ex.sendResponseHeaders(status, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }


    @Test
    void runs_prints_live_lines_and_the_report_and_writes_files() throws Exception {
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        Path csv = dir.resolve("r.csv");

        int code = cli.run("--url", url + "/hello", "--rate", "100", "--duration", "2s", "--json", json.toString(),
                "--html", html.toString(), "--csv", csv.toString(), "--threshold", "p99<2s");

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("rate", "p99", "late", "GET /hello", "corrected", "uncorrected",
                "threshold p99<2s", "passed", "Saved as run");
        assertThat(cli.out.toString().lines().filter(l -> l.matches("\\s+\\d+\\.\\ds\\s+rate.*"))).hasSizeGreaterThanOrEqualTo(1);
        assertThat(cli.out.toString().lines().filter(l -> l.matches("\\s+2\\.\\ds\\s+rate.*"))).as("the run's last second")
                .hasSize(1);
        // the default warm-up's whole seconds, each said as such once it is whole
        assertThat(cli.out.toString().lines().filter(l -> l.contains("warming up (not measured)")).toList())
                .isNotEmpty().noneMatch(l -> l.matches("\\s+0s.*"));
        JsonNode report = Json.mapper().readTree(json.toFile());
        assertThat(report.path("requests").asLong()).isEqualTo(200);
        assertThat(report.path("targetRate").asDouble()).isEqualTo(100.0);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(Files.exists(dir.resolve("r-timeline.csv"))).isTrue();
        assertThat(Files.list(dir.resolve("load-runs"))).hasSize(1);

        cli.out.getBuffer().setLength(0);
        assertThat(cli.run("runs")).isZero();
        assertThat(cli.out.toString()).contains(report.path("runId").asText());
    }

    @Test
    void a_crossed_threshold_exits_non_zero() {
        int code = cli.run("--url", url + "/slow", "--rate", "50", "--duration", "8s", "--threshold", "p99<10ms",
                "--no-save");

        assertThat(code).isEqualTo(LoadCommand.THRESHOLD_FAILED);
        assertThat(cli.out.toString()).contains("threshold-failed", "FAILED", "p99<10ms");
    }

    @Test
    void errors_threshold_counts_http_errors() {
        int code = cli.run("--url", url + "/missing", "--rate", "100", "--duration", "2s", "--threshold", "errors<1%",
                "--no-save");

        assertThat(code).isEqualTo(LoadCommand.THRESHOLD_FAILED);
        assertThat(cli.out.toString()).contains("http 404");
    }

    @Test
    void closed_model_from_the_command_line() {
        int code = cli.run("--url", url + "/hello", "--vus", "3", "--think", "20ms", "--duration", "1s", "--no-save");

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Closed model: 3 virtual users", "3 virtual users, think 20 ms");
    }

    @Test
    void bad_arguments_are_usage_errors() {
        assertThat(cli.run("--rate", "abc")).isEqualTo(2);
        assertThat(cli.run("--stage", "fast")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("30s@300");
        assertThat(cli.run("--vus", "3", "--rate", "10")).isEqualTo(2);
        assertThat(cli.run("--threshold", "p99<200")).isEqualTo(2);
        assertThat(cli.run("--mix", "read-user=1,fly=1")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("unknown operation 'fly'");
        assertThat(cli.run("--url", "not a url")).isEqualTo(2);
        assertThat(cli.run("--duration", "soon")).isEqualTo(2);
    }

    @Test
    void unreachable_services_exit_3() {
        int code = cli.run("--users-url", "http://127.0.0.1:1", "--orders-url", "http://127.0.0.1:1", "--rate", "10",
                "--duration", "1s", "--no-save");

        assertThat(code).isEqualTo(LoadCommand.COULD_NOT_RUN);
        assertThat(cli.err.toString()).contains("Before the run could start", "nothing answers at http://127.0.0.1:1");
    }

    @Test
    void a_url_where_nothing_listens_exits_3_before_any_request() {
        int code = cli.run("--url", "http://127.0.0.1:1/users/1", "--rate", "10", "--duration", "1s", "--no-save");

        assertThat(code).isEqualTo(LoadCommand.COULD_NOT_RUN);
        assertThat(cli.err.toString()).contains("Before the run could start, the console tried to connect to "
                + "http://127.0.0.1:1, but nothing answers there", "Start the server, or correct the URL.");
        assertThat(cli.out.toString()).doesNotContain("Outcome:");
    }

    @Test
    void an_https_url_on_a_plain_http_port_exits_3_saying_so() throws Exception {
        try (var closing = org.opsconsole.console.load.transport.PlainPort.closingAtOnce();
             var answering = org.opsconsole.console.load.transport.PlainPort.answeringBadRequest()) {
            String closingHttps = closing.url().replace("http://", "https://");
            String answeringHttps = answering.url().replace("http://", "https://");

            assertThat(cli.run("--url", closingHttps + "/users/1", "--rate", "10", "--duration", "1s", "--no-save"))
                    .isEqualTo(LoadCommand.COULD_NOT_RUN);
            assertThat(cli.run("--url", answeringHttps + "/users/1", "--rate", "10", "--duration", "1s", "--no-save"))
                    .isEqualTo(LoadCommand.COULD_NOT_RUN);

            assertThat(cli.err.toString()).contains(
                    "tried to connect to " + closingHttps + ", but it closed the connection during the TLS handshake: "
                            + "it may be a plain http port. Correct the URL to http://",
                    "tried to connect to " + answeringHttps + ", but it answers plain http, not https. Correct the URL to http://.");
            assertThat(cli.out.toString()).doesNotContain("Outcome:");
        }
    }

    @Test
    void a_url_whose_host_is_unknown_exits_3_saying_so() {
        int code = cli.run("--url", "http://nonexistent.invalid/x", "--rate", "10", "--duration", "1s", "--no-save");

        assertThat(code).isEqualTo(LoadCommand.COULD_NOT_RUN);
        assertThat(cli.err.toString()).contains("http://nonexistent.invalid:80, but its host is unknown. Correct the URL.");
    }

    @Test
    void help_documents_stages_thresholds_and_mix() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out.toString()).contains("1m@0->1000", "40s@100->400/4", "errors<1%", "change-status", "--vus",
                "--connections", "--late-after");
    }

    @Test
    void saved_runs_can_be_marked_and_compared() throws Exception {
        assertThat(cli.run("--url", url + "/hello", "--rate", "50", "--duration", "1s")).isZero();
        assertThat(cli.run("--url", url + "/hello", "--rate", "100", "--duration", "1s")).isZero();
        List<String> ids;
        try (var files = Files.list(dir.resolve("load-runs"))) {
            ids = files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList();
        }
        assertThat(ids).hasSize(2);

        cli.out.getBuffer().setLength(0);
        assertThat(cli.run("baseline", ids.get(0))).isZero();
        assertThat(cli.run("compare", ids.get(1))).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Baseline: " + ids.get(0), "achievedRate", "p99Ms");
        assertThat(cli.run("runs")).isZero();
        assertThat(cli.out.toString()).contains("(baseline)");
        cli.err.getBuffer().setLength(0);
        assertThat(cli.run("compare", "no-such-run", ids.get(0))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("no saved run 'no-such-run'").doesNotContain("Usage:");
        assertThat(cli.run("baseline", "no-such-run")).isEqualTo(2);
        assertThat(cli.run("compare", ids.get(0), ids.get(1), ids.get(0))).isEqualTo(2);
        assertThat(cli.err.toString()).contains("compare takes two runs");
    }

    @Test
    void live_figures_go_to_a_file_one_json_object_a_line_as_the_run_goes() throws Exception {
        Path live = dir.resolve("live.jsonl");
        Path json = dir.resolve("r.json");

        int code = cli.run("--url", url + "/hello", "--rate", "50", "--warmup", "1s", "--duration", "2s",
                "--live-json", live.toString(), "--json", json.toString(), "--no-save");

        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Live figures: " + live);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(live)) {
            lines.add(Json.mapper().readTree(line));
        }
        List<String> phases = lines.stream().map(l -> l.path("phase").asText()).distinct().toList();
        assertThat(phases).as("the phases in the order they came").containsSubsequence("WARMING_UP", "RUNNING", "DONE");
        assertThat(phases.getLast()).isEqualTo("DONE");
        // every 100 ms over a 1 s warm-up and a 2 s run; the clock is the machine's, so only a floor
        assertThat(lines.stream().filter(l -> l.path("phase").asText().equals("RUNNING"))).hasSizeGreaterThanOrEqualTo(5);
        JsonNode last = lines.getLast();
        JsonNode report = Json.mapper().readTree(json.toFile());
        assertThat(last.path("requests").asLong()).isEqualTo(report.path("requests").asLong()).isEqualTo(100);
        assertThat(last.path("runId").asText()).isEqualTo(report.path("runId").asText());
        assertThat(last.path("progress").asDouble()).as("a completed run").isEqualTo(1.0);
        assertThat(last.path("windowCorrected").path("p99").isNumber()).isTrue();
    }

    @Test
    void a_live_figures_file_that_cant_be_written_is_said_before_the_run() {
        Path nowhere = dir.resolve("no-such-folder").resolve("live.jsonl");

        assertThat(cli.run("--url", url + "/hello", "--rate", "10", "--duration", "1s", "--live-json", nowhere.toString()))
                .isEqualTo(2);

        assertThat(cli.err.toString()).contains("--live-json " + nowhere, "does not exist");
        assertThat(cli.out.toString()).doesNotContain("Saved as run");
    }

    @Test
    void a_count_threshold_stops_the_run_as_soon_as_it_is_crossed() throws Exception {
        Path json = dir.resolve("r.json");

        int code = cli.run("--url", url + "/missing", "--rate", "50", "--duration", "20s", "--warmup", "0s",
                "--threshold", "errors<10", "--json", json.toString());

        assertThat(code).isEqualTo(LoadCommand.THRESHOLD_FAILED);
        JsonNode report = Json.mapper().readTree(json.toFile());
        assertThat(report.path("requests").asLong()).as("stopped before the hundred requests a latency rule waits for")
                .isGreaterThanOrEqualTo(10).isLessThan(100);
    }

    @Test
    void a_report_file_that_cant_be_written_is_said_before_the_run_and_nothing_is_run() throws Exception {
        Path nowhere = dir.resolve("no-such-folder").resolve("r.json");

        assertThat(cli.run("--url", url + "/hello", "--rate", "10", "--duration", "1s", "--json", nowhere.toString()))
                .isEqualTo(2);
        assertThat(cli.run("--url", url + "/hello", "--rate", "10", "--duration", "1s", "--html", dir.toString()))
                .isEqualTo(2);

        assertThat(cli.err.toString()).contains("--json " + nowhere, "does not exist", "--html " + dir + " is a folder");
        assertThat(cli.out.toString()).doesNotContain("Saved as run");
        assertThat(Files.exists(dir.resolve("load-runs"))).isFalse();
    }

    @Test
    void percentages_over_a_hundred_and_rules_in_other_words_are_refused_in_words() {
        assertThat(cli.run("--url", url + "/hello", "--threshold", "errors<200%")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("a percentage is at most 100%");
        assertThat(cli.run("--url", url + "/hello", "--threshold", "p99 under 5")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("'p99 under 5' is not a threshold").doesNotContain("java.lang", "Usage:");
    }
}
