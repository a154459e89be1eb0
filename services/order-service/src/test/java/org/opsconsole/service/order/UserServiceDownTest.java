package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.TestClient.Response;
import org.opsconsole.service.user.UserService;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UserServiceDownTest {

    private static final String ORDER = "{\"userId\":1,\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}";

    @Test
    void withTheUserServiceStoppedCreatingAnOrderIs503WithRetryAfterAndStoresNothing() {
        RunningService users = UserService.start(TestDatabases.fresh("users"));
        new TestClient(users.baseUri()).post("/users", "{\"name\":\"U\",\"email\":\"u@example.com\"}");
        try (RunningService orders = OrderService.start(TestDatabases.fresh("orders").withUserServiceUrl(users.baseUri()))) {
            TestClient client = new TestClient(orders.baseUri());
            assertThat(client.post("/orders", ORDER).status()).isEqualTo(201);
            users.stop();

            for (int i = 0; i < 15; i++) {
                long started = System.nanoTime();
                Response res = client.post("/orders", ORDER);
                long millis = (System.nanoTime() - started) / 1_000_000;

                assertThat(res.status()).as(res.toString()).isEqualTo(503);
                assertThat(res.header("Retry-After")).isNotBlank();
                assertThat(res.contentType()).startsWith("application/problem+json");
                assertThat(res.json().get("detail").asText()).contains("not stored");
                assertThat(millis).as("answered without hanging").isLessThan(10_000);
            }
            assertThat(client.post("/order", ORDER).status()).isEqualTo(503);
            assertThat(client.get("/orders").json().get("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aUserServiceThatTakesConnectionsButDoesNotAnswerIsSaidToBeSlowNotUnreachable() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             RunningService orders = OrderService.start(TestDatabases.fresh("orders")
                     .withUserServiceUrl(java.net.URI.create("http://127.0.0.1:" + silent.getLocalPort())))) {
            // takes every connection and never answers, as a users service too busy to
            Thread.ofVirtual().start(() -> {
                java.util.List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    held.forEach(socket -> {
                        try {
                            socket.close();
                        } catch (java.io.IOException ignored) {
                            // closing what the test held
                        }
                    });
                }
            });
            TestClient client = new TestClient(orders.baseUri());

            Response res = client.post("/orders", ORDER);

            assertThat(res.status()).as(res.toString()).isEqualTo(503);
            assertThat(res.json().get("detail").asText()).contains("did not answer within").contains(" ms")
                    .doesNotContain("unreachable");
            assertThat(client.get("/orders").json().get("total").asLong()).isZero();
        }
    }

    @Test
    void healthSaysDegradedWithTheUserServiceAwayAndUpOnceItIsBack() {
        ServiceConfig usersConfig = TestDatabases.fresh("users");
        RunningService users = UserService.start(usersConfig);
        int port = users.baseUri().getPort();
        try (users; RunningService orders = OrderService.start(TestDatabases.fresh("orders").withUserServiceUrl(users.baseUri()))) {
            TestClient client = new TestClient(orders.baseUri());
            assertThat(client.get("/observe/health").json().get("status").asText()).isEqualTo("UP");
            users.stop();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Response health = client.get("/observe/health");
                assertThat(health.status()).as("still serving: 200").isEqualTo(200);
                assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
                JsonNode check = java.util.stream.StreamSupport.stream(health.json().get("checks").spliterator(), false)
                        .filter(c -> c.get("name").asText().equals("user-service")).findFirst().orElseThrow();
                assertThat(check.get("status").asText()).isEqualTo("DOWN");
                assertThat(check.get("detail").asText()).contains("user service at " + users.baseUri()).contains("unreachable")
                        .contains("new orders are refused");
            });
            assertThat(client.get("/observe/health/live").json().get("status").asText()).as("liveness asks no dependency")
                    .isEqualTo("UP");

            try (RunningService back = UserService.start(usersConfig.withPort(port))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> client.get("/observe/health").json().get("status").asText().equals("UP"));
            }
        }
    }
}
