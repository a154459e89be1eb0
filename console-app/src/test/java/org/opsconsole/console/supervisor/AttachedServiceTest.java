package org.opsconsole.console.supervisor;

import com.sun.net.httpserver.HttpServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each instance of an attached service is found reachable, unhealthy or unreachable, with the reason in words. */
class AttachedServiceTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();
    private AttachedService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        servers.forEach(s -> s.stop(0));
        scheduler.shutdownNow();
    }

    @Test
    void eachInstanceIsSaidInWordsAndTheServiceRunsWhileOneIsUsable() throws Exception {
        URI up = serve(200, "{\"status\":\"UP\",\"version\":\"1.2.3\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}");
        URI down = serve(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"},"
                + "{\"name\":\"server\",\"status\":\"UP\"}]}");
        URI refusing = serve(401, "{\"title\":\"Unauthorized\"}");
        URI nobody = URI.create("http://127.0.0.1:" + freePort());
        service = new AttachedService("users", List.of(up, down, refusing, nobody), http, scheduler,
                Duration.ofMillis(100), Clock.systemUTC());

        await().until(() -> service.instances().stream().noneMatch(i -> i.reach() == InstanceStatus.Reach.UNKNOWN));
        assertThat(service.instances()).extracting(InstanceStatus::describe).containsExactly(
                up + " reachable",
                down + " unhealthy: database down",
                refusing + " unhealthy: the users service at " + refusing + " refused the API token",
                nobody + " unreachable: connection refused");
        ServiceStatus status = service.status();
        assertThat(status.state()).isEqualTo(ServiceState.RUNNING);
        assertThat(status.baseUri()).isEqualTo(up);
        assertThat(status.version()).isEqualTo("1.2.3");
        assertThat(service.whyNotControllable()).get().asString().contains("runs elsewhere");
    }

    @Test
    void withNoUsableInstanceTheServiceIsFailedWithEveryReason() throws Exception {
        URI down = serve(503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"}]}");
        service = new AttachedService("orders", List.of(down), http, scheduler, Duration.ofMillis(100), Clock.systemUTC());
        await().until(() -> service.status().state() == ServiceState.FAILED);
        assertThat(service.status().reason()).isEqualTo("No instance of the orders service can be used: "
                + down + " unhealthy: database down");
    }

    private URI serve(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/observe/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
