package org.opsconsole.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.load.WorkerServer;
import org.opsconsole.model.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code load capacity} against a server whose capacity is known: four workers, each request
 * holding one for 50 ms, so at most 80 requests/s are answered and beyond that a queue grows. The
 * threshold, p99 under 150 ms, leaves a busy machine's scheduling delays (tens of ms on two shared
 * cores) room below the capacity, while a step 10 % above it queues past it within the step.
 */
class CapacityCommandTest {

    private static final double CAPACITY = 80;

    private WorkerServer server;
    private String url;

    @TempDir
    Path dir;

    private LoadCli cli;

    @BeforeEach
    void startServer() throws Exception {
        cli = new LoadCli(dir);
        server = WorkerServer.start(4, Duration.ofMillis(50));
        assertThat(server.capacity()).isEqualTo(CAPACITY);
        url = server.url("/work");
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    void findsTheCapacityOfAServerWithFourWorkersOf20msWithinTenPercentAndExplainsIt() throws Exception {
        Path json = dir.resolve("capacity.json");
        Path html = dir.resolve("capacity.html");

        int code = cli.run("capacity", "--url", url, "--start-rate", "25", "--step", "3s", "--step-warmup", "1s",
                "--threshold", "p99<150ms, errors<1%", "--max-engine-late", "10", "--json", json.toString(), "--html", html.toString());

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
        // below capacity each request spends its 50 ms in flight: at 50/s, 2.5 in flight by Little's law
        assertThat(steps.get(1).path("littleConcurrency").asDouble()).isBetween(2.0, 3.2);
        assertThat(steps.get(1).path("littleAgrees").asBoolean()).isTrue();
        assertThat(result.path("usl").path("sigma").isNumber()).as(result.path("uslNote").asText()).isTrue();

        assertThat(cli.out.toString()).contains("Capacity:", "step  1", "holds", "breaks p99<150ms", "Universal Scalability Law",
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
        assertThat(cli.run("capacity", "--url", url, "--max-engine-late", "-1")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("late share must be between 0 and 100%");
    }
}
