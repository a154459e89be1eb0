package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.AllowsSevereLog;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserService;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error bodies name nothing of the code behind them: a real 500 (the table under a running
 * service renamed through a second connection), 401, 405, 413, 431 and 503 are problem+json
 * with no stack trace, SQL, table, class or package name.
 */
class NoInternalsLeakTest {

    private static final String USER = "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
    private static final List<String> INTERNALS = List.of("exception", "org.", "java.", "javax.", "io.helidon",
            "com.zaxxer", "hikari", "h2", "postgres", "jdbc", "sql", "select ", "insert ", "update ", "delete from",
            "_away", "table", "column", "\tat ", ".java", "null", "stack", "caused by");

    @Test
    @AllowsSevereLog({UserService.LOGGER, OrderService.LOGGER})
    void aFailingDatabaseIsA500ThatSaysNothingOfIt(@TempDir Path data) throws Exception {
        ServiceConfig userConfig = TestDatabases.persistent("users", data);
        ServiceConfig orderConfig = TestDatabases.persistent("orders", data);
        try (RunningService users = UserService.start(userConfig);
             RunningService orders = OrderService.start(orderConfig.withUserServiceUrl(users.baseUri()))) {
            TestClient userApi = new TestClient(users.baseUri());
            TestClient orderApi = new TestClient(orders.baseUri());
            long userId = userApi.post("/users", USER).json().get("id").asLong();
            String order = "{\"userId\":" + userId + ",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}";
            long orderId = orderApi.post("/orders", order).json().get("id").asLong();

            rename(userConfig, "users", data, "users", "users_away");
            try {
                assertAll500(List.of(
                        userApi.get("/users"),
                        userApi.get("/users?q=ada&sort=-name"),
                        userApi.post("/users", "{\"name\":\"Bo\",\"email\":\"bo@example.com\"}"),
                        userApi.put("/users/" + userId, USER),
                        userApi.delete("/users/" + userId),
                        userApi.post("/user", "{\"name\":\"Cy\",\"email\":\"cy@example.com\"}")));
                // the users service failing is the orders service's 503, and says nothing of it either
                TestClient.Response unavailable = orderApi.post("/orders", order);
                assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
                assertClean(unavailable);
            } finally {
                rename(userConfig, "users", data, "users_away", "users");
            }
            rename(orderConfig, "orders", data, "orders", "orders_away");
            try {
                assertAll500(List.of(
                        orderApi.get("/orders"),
                        orderApi.get("/orders/" + orderId),
                        orderApi.get("/order?id=" + orderId),
                        orderApi.post("/orders", order),
                        orderApi.post("/order", order),
                        orderApi.patch("/orders/" + orderId, "{\"status\":\"PAID\"}"),
                        orderApi.delete("/orders/" + orderId)));
            } finally {
                rename(orderConfig, "orders", data, "orders_away", "orders");
            }
            // nothing was half-done while the tables were away, and the services answer again
            assertThat(userApi.get("/users").json().get("total").asLong()).isEqualTo(1);
            assertThat(orderApi.get("/orders/" + orderId).json().get("status").asText()).isEqualTo("NEW");
            assertThat(userApi.get("/events").json().get("items")).hasSize(1);
            assertThat(orderApi.get("/events").json().get("items")).hasSize(1);
        }
    }

    @Test
    void refusalsAndLimitsSayNothingOfTheCodeEither() {
        try (RunningService users = UserService.start(TestDatabases.fresh("users").withApiToken("tok"));
             RunningService orders = OrderService.start(TestDatabases.fresh("orders")
                     .withUserServiceUrl(users.baseUri()))) {
            TestClient userApi = new TestClient(users.baseUri());
            TestClient orderApi = new TestClient(orders.baseUri());

            TestClient.Response unauthorized = userApi.post("/users", USER);
            assertThat(unauthorized.status()).isEqualTo(401);
            assertClean(unauthorized);

            TestClient.Response notAllowed = userApi.patch("/users/1", USER, "Authorization", "Bearer tok");
            assertThat(notAllowed.status()).isEqualTo(405);
            assertClean(notAllowed);

            byte[] huge = ("{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\",\"email\":\"a@b.cd\"}")
                    .getBytes(StandardCharsets.UTF_8);
            TestClient.Response tooLarge = userApi.send("POST", "/users", "application/json", huge,
                    "Authorization", "Bearer tok");
            assertThat(tooLarge.status()).isEqualTo(413);
            assertClean(tooLarge);

            for (TestClient api : List.of(userApi, orderApi)) {
                TestClient.Response headerTooLarge = api.get("/users/1", "X-Padding", "p".repeat(17 * 1024));
                assertThat(headerTooLarge.status()).as(headerTooLarge.toString()).isEqualTo(431);
                assertClean(headerTooLarge);
            }

            TestClient.Response notFound = orderApi.get("/nowhere/at/all");
            assertThat(notFound.status()).isEqualTo(404);
            assertClean(notFound);

            users.stop();
            TestClient.Response unavailable = orderApi.post("/orders",
                    "{\"userId\":1,\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.header("Retry-After")).isNotBlank();
            assertClean(unavailable);
        }
    }

    private static void assertAll500(List<TestClient.Response> responses) {
        for (TestClient.Response res : responses) {
            assertThat(res.status()).as(res.toString()).isEqualTo(500);
            assertClean(res);
            assertThat(res.json().get("detail").asText())
                    .isEqualTo("The service failed to handle the request; the error has been logged");
        }
    }

    private static void assertClean(TestClient.Response res) {
        assertThat(res.contentType()).as(res.toString()).isEqualTo("application/problem+json");
        JsonNode body = res.json();
        assertThat(body.get("status").asInt()).isEqualTo(res.status());
        assertThat(body.get("type").asText()).isEqualTo("https://opsconsole.org/problems/" + res.status());
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        String text = res.body().toLowerCase(java.util.Locale.ROOT);
        for (String internal : INTERNALS) {
            assertThat(text).as("%s must not mention %s", res, internal).doesNotContain(internal);
        }
    }

    /** Renames a table under the running service, through a connection of the test's own. */
    private static void rename(ServiceConfig config, String name, Path data, String from, String to) throws Exception {
        String url = config.jdbcUrl() != null ? config.jdbcUrl()
                : "jdbc:h2:file:" + data.toAbsolutePath().resolve(name) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = config.jdbcUrl() != null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }
}
