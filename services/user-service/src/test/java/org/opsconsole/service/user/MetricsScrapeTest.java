package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /observe/metrics}, whole as Prometheus reads it, and cut to the families a caller names. */
class MetricsScrapeTest {

    @Test
    void theScrapeCarriesOnlyTheNamedFamiliesWhenAskedAndEveryFamilyOtherwise() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            assertThat(client.get("/users/1").status()).isIn(200, 404);
            assertThat(client.get("/users/999999").status()).isEqualTo(404);

            var all = client.get("/observe/metrics");
            assertThat(all.status()).isEqualTo(200);
            assertThat(families(all.body())).contains("http_server_requests_seconds", "jvm_threads_live_threads",
                    "jvm_memory_used_bytes", "process_uptime_seconds");

            var named = client.get("/observe/metrics?name%5B%5D=http_server_requests_seconds&name%5B%5D=jvm_threads_live_threads");
            assertThat(named.status()).isEqualTo(200);
            assertThat(named.header("Content-Type")).startsWith("text/plain");
            assertThat(families(named.body())).containsExactlyInAnyOrder("http_server_requests_seconds", "jvm_threads_live_threads");
            assertThat(named.body()).contains("http_server_requests_seconds_bucket{", "route=\"/users/{id}\"", "le=\"+Inf\"");

            // a counter is named as its samples are, with _total, or as its family, without
            var errors = client.get("/observe/metrics?name%5B%5D=http_server_errors_total");
            assertThat(errors.body()).contains("http_server_errors_total{").doesNotContain("http_server_requests_seconds");
            assertThat(client.get("/observe/metrics?name%5B%5D=http_server_errors").body()).isEqualTo(errors.body());

            assertThat(families(client.get("/observe/metrics?name%5B%5D=no_such_meter").body())).isEmpty();
        }
    }

    @Test
    void theWatchersProbesAndScrapesAreNotCountedAsTraffic() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            for (String probe : List.of("/observe/health", "/observe/health/live", "/observe/health/ready", "/observe/metrics")) {
                assertThat(client.get(probe).status()).as(probe).isEqualTo(200);
            }
            assertThat(client.get("/users/999999").status()).isEqualTo(404);

            String requests = client.get("/observe/metrics?name%5B%5D=http_server_requests_seconds").body();
            assertThat(requests).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",route=\"/users/{id}\"")
                    .doesNotContain("route=\"/observe");
        }
    }

    @Test
    void theThreadMetersKeepMicrometersNamesAndCountTheThreadsByState() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            // the meters still count after a collection (a gauge holds its object weakly: NaN once it is gone)
            System.gc();
            String scrape = new TestClient(service.baseUri()).get("/observe/metrics").body();
            assertThat(families(scrape)).contains("jvm_threads_live_threads", "jvm_threads_daemon_threads",
                    "jvm_threads_peak_threads", "jvm_threads_states_threads");
            for (String state : List.of("new", "runnable", "blocked", "waiting", "timed-waiting", "terminated")) {
                assertThat(scrape).containsPattern("jvm_threads_states_threads\\{service=\"users\",state=\"" + state
                        + "\"\\} [0-9.E]+");
            }
            // the thread writing the scrape runs; the server's threads wait for work
            assertThat(sample(scrape, "jvm_threads_states_threads{service=\"users\",state=\"runnable\"}")).isPositive();
            assertThat(sample(scrape, "jvm_threads_states_threads{service=\"users\",state=\"waiting\"}")
                    + sample(scrape, "jvm_threads_states_threads{service=\"users\",state=\"timed-waiting\"}")).isPositive();
            assertThat(sample(scrape, "jvm_threads_started_threads_total{service=\"users\"}"))
                    .isGreaterThanOrEqualTo(sample(scrape, "jvm_threads_live_threads{service=\"users\"}"));
        }
    }

    private static double sample(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + series + " in:\n" + scrape));
    }

    @Test
    void madeUpMethodsShareOneLabelSoTheyCannotGrowTheSeries() throws Exception {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            rawRequest(service, "FROB0");
            long linesAfterOne = requestSeries(client.get("/observe/metrics").body());

            for (int i = 1; i <= 30; i++) {
                rawRequest(service, "FROB" + i);
            }

            String scrape = client.get("/observe/metrics").body();
            assertThat(scrape).doesNotContain("FROB");
            assertThat(linesAfterOne).isPositive();
            assertThat(requestSeries(scrape)).as("thirty more made-up methods").isEqualTo(linesAfterOne);
        }
    }

    /** The lines of the request families for methods HTTP does not define. */
    private static long requestSeries(String scrape) {
        return scrape.lines().filter(line -> line.startsWith("http_server_") && line.contains("method=\"OTHER\"")).count();
    }

    /** One request with {@code method} on a connection of its own; answers the status line. */
    private static String rawRequest(RunningService service, String method) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(service.baseUri().getHost(), service.baseUri().getPort())) {
            socket.getOutputStream().write((method + " /users/1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(10_000);
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            assertThat(status).startsWith("HTTP/1.1 ");
            return status;
        }
    }

    @Test
    void aLongPollsWaitIsNotChartedAsLatency() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            long end = client.get("/events?tail=0").json().path("lastId").asLong();
            var poll = client.get("/events?after=" + end + "&wait=5");
            assertThat(poll.status()).isEqualTo(200);
            assertThat(poll.json().path("items").size()).as("nothing happened during the wait").isZero();

            String events = client.get("/observe/metrics?name%5B%5D=http_server_requests_seconds").body().lines()
                    .filter(line -> line.contains("route=\"/events\""))
                    .filter(line -> line.startsWith("http_server_requests_seconds_sum") || line.startsWith("http_server_requests_seconds_count"))
                    .collect(Collectors.joining("\n"));
            assertThat(events).contains("http_server_requests_seconds_count");
            double seconds = events.lines().filter(line -> line.startsWith("http_server_requests_seconds_sum"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            assertThat(seconds).as("two reads of /events, one held five seconds with nothing to give").isLessThan(5.0);
        }
    }

    @Test
    void theScrapePassesPrometheusOwnLint() throws Exception {
        java.nio.file.Path promtool = org.opsconsole.service.kit.TestPrograms.onPath("promtool")
                .orElseThrow(() -> new AssertionError("promtool is missing: install Prometheus (Debian: apt-get install "
                        + "prometheus), as .mvn/test-tools.sh does before these tests"));
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            assertThat(client.get("/users/1").status()).isIn(200, 404);
            String scrape = client.get("/observe/metrics").body();
            assertThat(families(scrape)).contains("process_cpu_seconds_total", "system_cpus").doesNotContain("system_cpu_count");

            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            try (var in = check.getOutputStream()) {
                in.write(scrape.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String verdict = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(verdict).isZero();
            assertThat(verdict).isBlank();
        }
    }

    /** The metric families of a Prometheus text (the names of its TYPE lines). */
    private static Set<String> families(String text) {
        return text.lines().filter(line -> line.startsWith("# TYPE "))
                .map(line -> line.split(" ")[2])
                .collect(Collectors.toSet());
    }
}
