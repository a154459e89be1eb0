package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsconsole.service.kit.OpenApiConformance;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.TestClient.Response;
import org.opsconsole.service.user.UserService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersApiTest {

    private static RunningService users;
    private static RunningService orders;
    private static TestClient client;
    private static long userId;

    @BeforeAll
    static void start() {
        users = UserService.start(TestDatabases.fresh("users"));
        orders = OrderService.start(TestDatabases.fresh("orders").withUserServiceUrl(users.baseUri()));
        client = new TestClient(orders.baseUri());
        userId = new TestClient(users.baseUri())
                .post("/users", "{\"name\":\"Buyer\",\"email\":\"buyer@example.com\"}").json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        orders.stop();
        users.stop();
    }

    static JsonNode order(String items) {
        Response res = client.post("/orders", "{\"userId\":" + userId + ",\"items\":" + items + "}");
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.json();
    }

    static JsonNode newOrder() {
        return order("[{\"sku\":\"KB-1\",\"quantity\":1,\"unitPrice\":\"10.00\"}]");
    }

    @Test
    void createStoresItemsAndAnExactDecimalTotal() {
        Response res = client.post("/orders", "{\"userId\":" + userId + ",\"items\":["
                + "{\"sku\":\"A\",\"quantity\":3,\"unitPrice\":\"0.10\"},"
                + "{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":\"0.20\"},"
                + "{\"sku\":\"C\",\"quantity\":10000,\"unitPrice\":\"999999.99\"}]}");

        assertThat(res.status()).isEqualTo(201);
        JsonNode created = res.json();
        assertThat(res.header("Location")).isEqualTo("/orders/" + created.get("id").asLong());
        assertThat(created.get("total").isTextual()).isTrue();
        assertThat(created.get("total").asText()).isEqualTo("9999999900.50");
        assertThat(created.get("status").asText()).isEqualTo("NEW");
        assertThat(created.get("items").get(1).get("unitPrice").asText()).isEqualTo("0.20");

        JsonNode stored = client.get("/orders/" + created.get("id").asLong()).json();
        assertThat(stored.get("total").asText()).isEqualTo("9999999900.50");
        assertThat(stored.get("items")).hasSize(3);
        assertThat(stored.get("items").get(0).get("sku").asText()).isEqualTo("A");
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "NEW, PAID, 200", "NEW, CANCELLED, 200", "NEW, SHIPPED, 409", "NEW, DELIVERED, 409", "NEW, NEW, 409",
        "PAID, SHIPPED, 200", "PAID, CANCELLED, 200", "PAID, DELIVERED, 409", "PAID, NEW, 409",
        "SHIPPED, DELIVERED, 200", "SHIPPED, CANCELLED, 409", "SHIPPED, PAID, 409",
        "DELIVERED, CANCELLED, 409", "DELIVERED, SHIPPED, 409", "CANCELLED, PAID, 409", "CANCELLED, NEW, 409"})
    void statusMovesFollowTheMachine(String from, String to, int expected) {
        long id = newOrder().get("id").asLong();
        List<String> path = switch (from) {
            case "NEW" -> List.of();
            case "PAID" -> List.of("PAID");
            case "SHIPPED" -> List.of("PAID", "SHIPPED");
            case "DELIVERED" -> List.of("PAID", "SHIPPED", "DELIVERED");
            default -> List.of("CANCELLED");
        };
        path.forEach(step -> assertThat(client.patch("/orders/" + id, "{\"status\":\"" + step + "\"}").status())
                .isEqualTo(200));

        Response res = client.patch("/orders/" + id, "{\"status\":\"" + to + "\"}");

        assertThat(res.status()).as(res.toString()).isEqualTo(expected);
        String stored = client.get("/orders/" + id).json().get("status").asText();
        assertThat(stored).isEqualTo(expected == 200 ? to : from);
        if (expected == 409) {
            assertThat(res.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void staleIfMatchOnStatusChangeIsRefused() {
        long id = newOrder().get("id").asLong();
        client.patch("/orders/" + id, "{\"status\":\"PAID\"}");

        Response res = client.patch("/orders/" + id, "{\"status\":\"CANCELLED\"}", "If-Match", "\"1\"");

        assertThat(res.status()).isEqualTo(412);
        assertThat(client.get("/orders/" + id).json().get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void listFiltersByUserAndStatusWithPaging() {
        long paid = newOrder().get("id").asLong();
        client.patch("/orders/" + paid, "{\"status\":\"PAID\"}");
        newOrder();

        JsonNode page = client.get("/orders?userId=" + userId + "&status=PAID&limit=1000").json();
        assertThat(page.get("items").findValuesAsText("status")).isNotEmpty().allMatch("PAID"::equals);
        assertThat(page.get("items").findValues("id").stream().map(JsonNode::asLong)).contains(paid);
        assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size());

        JsonNode one = client.get("/orders?userId=" + userId + "&limit=1&offset=1").json();
        assertThat(one.get("items")).hasSize(1);
        assertThat(one.get("limit").asInt()).isEqualTo(1);
        assertThat(client.get("/orders?userId=424242").json().get("total").asLong()).isZero();
    }

    @Test
    void listSortsByEveryColumnEitherWayAndRefusesAnUnknownKeyInWords() {
        long buyer = new TestClient(users.baseUri())
                .post("/users", "{\"name\":\"Sorter\",\"email\":\"sorter@example.com\"}").json().get("id").asLong();
        long cheap = placed(buyer, "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"},"
                + "{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":\"1.00\"},{\"sku\":\"C\",\"quantity\":1,\"unitPrice\":\"1.00\"}]");
        long dear = placed(buyer, "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"900.00\"}]");
        long middle = placed(buyer, "[{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":\"20.00\"},{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":\"1.00\"}]");
        client.patch("/orders/" + dear, "{\"status\":\"PAID\"}");
        client.patch("/orders/" + dear, "{\"status\":\"SHIPPED\"}");
        client.patch("/orders/" + middle, "{\"status\":\"CANCELLED\"}");

        assertThat(ids(buyer, "total")).containsExactly(cheap, middle, dear);
        assertThat(ids(buyer, "-total")).containsExactly(dear, middle, cheap);
        assertThat(ids(buyer, "items")).containsExactly(dear, middle, cheap);
        assertThat(ids(buyer, "-items")).containsExactly(cheap, middle, dear);
        assertThat(ids(buyer, "status")).containsExactly(middle, cheap, dear);   // CANCELLED, NEW, SHIPPED
        assertThat(ids(buyer, "-version")).containsExactly(dear, middle, cheap);
        assertThat(ids(buyer, "-updatedAt").getFirst()).isIn(dear, middle);
        assertThat(ids(buyer, "createdAt")).containsExactly(cheap, dear, middle);
        assertThat(ids(buyer, "-id")).containsExactly(middle, dear, cheap);
        assertThat(ids(buyer, "userId")).containsExactly(cheap, dear, middle);

        JsonNode second = client.get("/orders?userId=" + buyer + "&sort=-total&limit=1&offset=1").json();
        assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(middle);

        Response refused = client.get("/orders?sort=price");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("sort");
        assertThat(refused.json().get("errors").get(0).get("message").asText())
                .contains("createdAt, id, items, status, total, updatedAt, userId, version");
    }

    private static long placed(long buyer, String items) {
        Response res = client.post("/orders", "{\"userId\":" + buyer + ",\"items\":" + items + "}");
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.json().get("id").asLong();
    }

    private static List<Long> ids(long buyer, String sort) {
        Response res = client.get("/orders?userId=" + buyer + "&sort=" + sort);
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        return res.json().get("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    @Test
    void deleteRemovesTheOrder() {
        long id = newOrder().get("id").asLong();
        assertThat(client.delete("/orders/" + id).status()).isEqualTo(204);
        assertThat(client.get("/orders/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownUserIs422AndStoresNothing() {
        long before = client.get("/orders").json().get("total").asLong();

        Response res = client.post("/orders", "{\"userId\":987654,\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}");

        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().get("errors").get(0).get("field").asText()).isEqualTo("userId");
        assertThat(client.get("/orders").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void theArticlesOriginalEndpointsWorkUnchanged() {
        Response created = client.post("/order", "{\"userId\":" + userId
                + ",\"items\":[{\"sku\":\"OLD\",\"quantity\":2,\"unitPrice\":\"5.25\"}]}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("message").asText()).isEqualTo("Order created successfully");

        JsonNode all = client.get("/orders?userId=" + userId + "&limit=1000").json();
        long id = all.get("items").get(all.get("items").size() - 1).get("id").asLong();
        Response read = client.get("/order?id=" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("total").asText()).isEqualTo("10.50");
    }

    @Test
    void theOpenApiDocumentMatchesTheRoutes() {
        OpenApiConformance.check(client, List.of(
                "GET /orders", "POST /orders", "GET /orders/{id}", "PATCH /orders/{id}", "DELETE /orders/{id}",
                "GET /order", "POST /order", "GET /events", "GET /observe/health", "GET /observe/health/live",
                "GET /observe/health/ready", "GET /observe/metrics", "GET /openapi"));
    }
}
