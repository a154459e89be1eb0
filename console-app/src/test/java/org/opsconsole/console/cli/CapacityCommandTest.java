package org.opsconsole.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code load capacity} against a server whose capacity is known: four workers, each request
 * holding one for 20 ms, so at most 200 requests/s are answered and beyond that a queue grows.
 */
class CapacityCommandTest {

    private static final int WORKERS = 4;
    private static final long HOLD_NANOS = 20_000_000;
    private static final double CAPACITY = WORKERS * 1e9 / HOLD_NANOS;

    private HttpServer server;
    private ExecutorService workers;
    private String url;

    @TempDir
    Path dir;

    private LoadCli cli;

    @BeforeEach
    void startServer() throws Exception {
        cli = new LoadCli(dir);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        workers = Executors.newFixedThreadPool(WORKERS);
        server.setExecutor(workers);
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                long until = System.nanoTime() + HOLD_NANOS;
                for (long left = HOLD_NANOS; left > 0; left = until - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/work";
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.stop(0);
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }


    @Test
    void findsTheCapacityOfAServerWithFourWorkersOf20msWithinTenPercentAndExplainsIt() throws Exception {
        Path json = dir.resolve("capacity.json");
        Path html = dir.resolve("capacity.html");

        int code = cli.run("capacity", "--url", url, "--start-rate", "25", "--step", "3s", "--step-warmup", "1s",
                "--threshold", "p99<50ms, errors<1%", "--max-engine-late", "10", "--json", json.toString(), "--html", html.toString());

        assertThat(code).as(cli.out + "\n" + cli.err).isZero();
        JsonNode result = Json.mapper().readTree(json.toFile());
        assertThat(result.path("outcome").asText()).isEqualTo("FOUND");
        assertThat(result.path("capacity").asDouble()).as(cli.out.toString()).isBetween(CAPACITY * 0.9, CAPACITY * 1.1);
        // up by doubling from the start rate, then between the last that held and the first that broke
        JsonNode steps = result.path("steps");
        assertThat(steps.get(0).path("offeredRate").asDouble()).isEqualTo(25.0);
        assertThat(steps.get(1).path("offeredRate").asDouble()).isEqualTo(50.0);
        assertThat(steps.get(2).path("offeredRate").asDouble()).isEqualTo(100.0);
        JsonNode proving = steps.get(result.path("provingStep").asInt() - 1);
        assertThat(proving.path("verdict").asText()).isEqualTo("HOLDS");
        assertThat(proving.path("offeredRate").asDouble()).isEqualTo(result.path("capacity").asDouble());
        assertThat(steps.get(result.path("breakingStep").asInt() - 1).path("verdict").asText()).isEqualTo("BREAKS");
        // below capacity each request spends its 20 ms in flight: Little's law agrees
        assertThat(steps.get(2).path("littleConcurrency").asDouble()).isBetween(1.6, 2.6);
        assertThat(steps.get(2).path("littleAgrees").asBoolean()).isTrue();
        assertThat(result.path("usl").path("sigma").isNumber()).as(result.path("uslNote").asText()).isTrue();

        assertThat(cli.out.toString()).contains("Capacity:", "step  1", "holds", "breaks p99<50ms", "Universal Scalability Law",
                "Little's law", "Saved as capacity-");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg", "Throughput against offered load",
                "Universal Scalability Law");
        try (var saved = Files.list(dir.resolve("load-runs").resolve("capacity"))) {
            assertThat(saved).hasSize(1);
        }

        // kept results listed and compared: another search that found half as much is worse
        Path kept = dir.resolve("load-runs").resolve("capacity");
        String first = result.path("id").asText();
        com.fasterxml.jackson.databind.node.ObjectNode halved = (com.fasterxml.jackson.databind.node.ObjectNode) result.deepCopy();
        halved.put("id", "capacity-later").put("startedAt", "2030-01-01T00:00:00Z").put("capacity", result.path("capacity").asDouble() / 2);
        Files.writeString(kept.resolve("capacity-later.json"), halved.toString());
        cli.out.getBuffer().setLength(0);
        assertThat(cli.run("capacity", "list")).isZero();
        assertThat(cli.out.toString().lines().skip(1).map(l -> l.split("\\s+")[0]).toList()).containsExactly("capacity-later", first);
        cli.out.getBuffer().setLength(0);
        assertThat(cli.run("capacity", "compare", first, "capacity-later")).isZero();
        assertThat(cli.out.toString().lines().filter(l -> l.startsWith("Capacity (req/s)")).findFirst().orElseThrow())
                .contains("-50.0%").endsWith("WORSE");
        assertThat(cli.run("capacity", "compare", first, "no-such")).isEqualTo(1);
        assertThat(cli.err.toString()).contains("No capacity result no-such");
    }

    @Test
    void badSettingsAreRefusedInWordsBeforeAnythingIsSent() {
        assertThat(cli.run("capacity", "--url", url, "--start-rate", "0")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("start rate must be above 0");
        assertThat(cli.run("capacity", "--url", url, "--threshold", "p99 fast")).isEqualTo(2);
    }
}
