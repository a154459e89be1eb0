package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceMetricsReader;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deleting a user cancels that user's open orders through the event stream, exactly once. */
class UserDeletionTest {

    private static final String ITEMS = "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"2.50\"}]";

    @Test
    void deletingAUserCancelsItsOpenOrdersOnly() {
        try (RunningService users = UserService.start(TestDatabases.fresh("users"));
             RunningService orders = OrderService.start(TestDatabases.fresh("orders").withUserServiceUrl(users.baseUri()))) {
            TestClient userApi = new TestClient(users.baseUri());
            TestClient orderApi = new TestClient(orders.baseUri());
            long gone = userApi.post("/users", "{\"name\":\"Gone\",\"email\":\"gone@example.com\"}").json().get("id").asLong();
            long kept = userApi.post("/users", "{\"name\":\"Kept\",\"email\":\"kept@example.com\"}").json().get("id").asLong();
            long fresh = create(orderApi, gone);
            long paid = create(orderApi, gone);
            orderApi.patch("/orders/" + paid, "{\"status\":\"PAID\"}");
            long shipped = create(orderApi, gone);
            orderApi.patch("/orders/" + shipped, "{\"status\":\"PAID\"}");
            orderApi.patch("/orders/" + shipped, "{\"status\":\"SHIPPED\"}");
            long other = create(orderApi, kept);

            assertThat(userApi.delete("/users/" + gone).status()).isEqualTo(204);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(status(orderApi, fresh)).isEqualTo("CANCELLED");
                assertThat(status(orderApi, paid)).isEqualTo("CANCELLED");
            });
            assertThat(status(orderApi, shipped)).isEqualTo("SHIPPED");
            assertThat(status(orderApi, other)).isEqualTo("NEW");
            assertThat(orderApi.get("/events?limit=1000").json().get("items").findValuesAsText("type"))
                    .contains("order.status-changed");
        }
    }

    @Test
    void aDeleteMadeWhileTheOrderServiceWasDownIsAppliedWhenItComesBackAndNeverTwice(@TempDir Path data) {
        RunningService users = UserService.start(TestDatabases.fresh("users"));
        ServiceConfig orderConfig = TestDatabases.persistent("orders", data).withUserServiceUrl(users.baseUri());
        try (users) {
            TestClient userApi = new TestClient(users.baseUri());
            long gone = userApi.post("/users", "{\"name\":\"Gone\",\"email\":\"gone@example.com\"}").json().get("id").asLong();
            long orderId;
            try (RunningService orders = OrderService.start(orderConfig)) {
                orderId = create(new TestClient(orders.baseUri()), gone);
            }

            assertThat(userApi.delete("/users/" + gone).status()).isEqualTo(204);

            try (RunningService orders = OrderService.start(orderConfig)) {
                TestClient orderApi = new TestClient(orders.baseUri());
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(() -> assertThat(status(orderApi, orderId)).isEqualTo("CANCELLED"));
            }
            try (RunningService orders = OrderService.start(orderConfig)) {
                TestClient orderApi = new TestClient(orders.baseUri());
                userApi.post("/users", "{\"name\":\"Later\",\"email\":\"later@example.com\"}");
                await().atMost(Duration.ofSeconds(20)).until(() -> consumedAll(orders, users));
                List<String> changes = orderApi.get("/events?limit=1000").json().get("items").findValuesAsText("type");
                assertThat(changes.stream().filter("order.status-changed"::equals)).hasSize(1);
            }
        }
    }

    @Test
    void theStoredOffsetIsTheLastAppliedEventRightAfterARestart(@TempDir Path data) {
        try (RunningService users = UserService.start(TestDatabases.fresh("users"))) {
            ServiceConfig orderConfig = TestDatabases.persistent("orders", data).withUserServiceUrl(users.baseUri());
            TestClient userApi = new TestClient(users.baseUri());
            try (RunningService orders = OrderService.start(orderConfig)) {
                long gone = userApi.post("/users", "{\"name\":\"Gone\",\"email\":\"gone@example.com\"}")
                        .json().get("id").asLong();
                create(new TestClient(orders.baseUri()), gone);
                userApi.delete("/users/" + gone);
                userApi.post("/users", "{\"name\":\"After\",\"email\":\"after@example.com\"}");
                await().atMost(Duration.ofSeconds(20)).until(() -> consumedAll(orders, users));
            }
            long lastUserEvent = userApi.get("/events?tail=0").json().get("lastId").asLong();
            try (RunningService orders = OrderService.start(orderConfig)) {
                assertThat(offset(orders)).isEqualTo(lastUserEvent);
            }
        }
    }

    private static long offset(RunningService orders) {
        return ServiceMetricsReader.consumerOffset(orders.baseUri());
    }

    private static boolean consumedAll(RunningService orders, RunningService users) {
        // the orders service has read every user event once its offset equals the user stream's end
        JsonNode userEvents = new TestClient(users.baseUri()).get("/events?limit=1000").json();
        long last = userEvents.get("lastId").asLong();
        return last > 0 && offset(orders) >= last;
    }

    private static long create(TestClient orderApi, long userId) {
        return orderApi.post("/orders", "{\"userId\":" + userId + ",\"items\":" + ITEMS + "}").json().get("id").asLong();
    }

    private static String status(TestClient orderApi, long id) {
        return orderApi.get("/orders/" + id).json().get("status").asText();
    }
}
