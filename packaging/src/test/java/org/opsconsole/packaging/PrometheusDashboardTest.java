package org.opsconsole.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * deploy/prometheus/prometheus.yml and deploy/grafana/opsconsole-dashboard.json against a real
 * Prometheus (the Debian package's binary, started privately on a free port) scraping both
 * services started in this JVM: both targets up, and every query of the dashboard answers at
 * least one series with a number.
 */
class PrometheusDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    private static RunningService users;
    private static RunningService orders;
    private static Process prometheus;
    private static URI prometheusUri;
    private static Traffic traffic;

    @BeforeAll
    static void start() throws IOException {
        Path binary = Repo.onPath("prometheus");
        if (binary == null) {
            fail("Prometheus is not installed and this test runs a real one: ./mvnw verify installs it where it"
                    + " can (.mvn/test-tools.sh prometheus), or install it yourself (Debian, Ubuntu: apt-get install"
                    + " prometheus; macOS: brew install prometheus)");
        }
        users = UserService.start(ServiceConfig.inMemory());
        orders = OrderService.start(ServiceConfig.inMemory().withUserServiceUrl(users.baseUri()));
        traffic = new Traffic(users.baseUri(), orders.baseUri());

        String config = Files.readString(Repo.deploy("prometheus/prometheus.yml"));
        assertThat(config).contains("'127.0.0.1:8081'", "'127.0.0.1:8082'");
        Path configFile = work.resolve("prometheus.yml");
        Files.writeString(configFile, config
                .replace("'127.0.0.1:8081'", "'127.0.0.1:" + users.port() + "'")
                .replace("'127.0.0.1:8082'", "'127.0.0.1:" + orders.port() + "'"));
        int port = freePort();
        prometheusUri = URI.create("http://127.0.0.1:" + port);
        Path log = Path.of("target", "prometheus-test.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        prometheus = new ProcessBuilder(binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + work.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await("Prometheus ready on " + prometheusUri + " (log: " + log + ")")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(prometheus.isAlive()).as("prometheus still running").isTrue();
                    return get("/-/ready").statusCode() == 200;
                });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (orders != null) {
            orders.stop();
        }
        if (users != null) {
            users.stop();
        }
    }

    @Test
    void bothServicesAreScrapedAndEveryDashboardQueryAnswers() throws IOException {
        await("both targets up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    traffic.round();
                    Map<String, String> health = new LinkedHashMap<>();
                    for (JsonNode target : api("/api/v1/targets").path("activeTargets")) {
                        health.put(target.path("labels").path("job").asText(), target.path("health").asText());
                    }
                    assertThat(health).containsEntry("opsconsole-users", "up")
                            .containsEntry("opsconsole-orders", "up");
                });

        List<String> exprs = dashboardExprs();
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10);
        await("every dashboard query answers a series with a value")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    traffic.round();
                    List<String> empty = new ArrayList<>();
                    for (String expr : exprs) {
                        if (!answersANumber(forPrometheus(expr))) {
                            empty.add(expr);
                        }
                    }
                    assertThat(empty).as("dashboard queries with no series or only NaN").isEmpty();
                });
    }

    @Test
    void theServiceVariableListsBothServices() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            traffic.round();
            TreeSet<String> services = new TreeSet<>();
            api("/api/v1/label/service/values?match[]=" + encode("http_server_requests_seconds_count"))
                    .forEach(v -> services.add(v.asText()));
            assertThat(services).contains("users", "orders");
        });
    }

    @Test
    void everyPanelAsksTheDatasourceOfTheVariable() throws IOException {
        JsonNode dashboard = JSON.readTree(Repo.deploy("grafana/opsconsole-dashboard.json").toFile());
        JsonNode variable = null;
        for (JsonNode v : dashboard.at("/templating/list")) {
            if (v.path("name").asText().equals("datasource")) {
                variable = v;
            }
        }
        assertThat(variable).as("a datasource variable").isNotNull();
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo("prometheus");
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            panel.path("targets").forEach(t -> assertThat(t.at("/datasource/uid").asText()).isEqualTo("${datasource}"));
        }
    }

    /** Every panel's expr; the Grafana variables replaced as Grafana would with "All" selected. */
    static List<String> dashboardExprs() throws IOException {
        JsonNode dashboard = JSON.readTree(Repo.deploy("grafana/opsconsole-dashboard.json").toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
            for (JsonNode nested : panel.path("panels")) {
                nested.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
            }
        }
        assertThat(exprs).doesNotContain("");
        return exprs;
    }

    static String forPrometheus(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("${service}", ".+").replace("$service", ".+");
    }

    private static boolean answersANumber(String expr) throws IOException, InterruptedException {
        JsonNode data = api("/api/v1/query?query=" + encode(expr));
        for (JsonNode series : data.path("result")) {
            String value = series.path("value").path(1).asText();
            if (!value.equals("NaN") && !value.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).as(pathAndQuery + " -> " + response.body()).isEqualTo("success");
        return body.path("data");
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUri + pathAndQuery))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
