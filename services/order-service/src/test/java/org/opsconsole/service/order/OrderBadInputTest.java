package org.opsconsole.service.order;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.TestClient.Response;
import org.opsconsole.service.user.UserService;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad order input gets its 4xx as problem+json, names the field, and changes nothing. */
class OrderBadInputTest {

    private static final String JSON = "application/json";
    private static RunningService users;
    private static RunningService orders;
    private static TestClient client;
    private static long orderId;

    @BeforeAll
    static void start() {
        users = UserService.start(TestDatabases.fresh("users"));
        orders = OrderService.start(TestDatabases.fresh("orders").withUserServiceUrl(users.baseUri()));
        client = new TestClient(orders.baseUri());
        new TestClient(users.baseUri()).post("/users", "{\"name\":\"U\",\"email\":\"u@example.com\"}");
        orderId = client.post("/orders", order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}"))
                .json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        orders.stop();
        users.stop();
    }

    private static String order(String item) {
        return "{\"userId\":1,\"items\":[" + item + "]}";
    }

    static Stream<Arguments> badRequests() {
        String hundredAndOne = "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"},".repeat(101);
        return Stream.of(
                arguments("malformed JSON", "POST", "/orders", JSON, "{\"userId\":1,", 400, null),
                arguments("userId as string", "POST", "/orders", JSON, "{\"userId\":\"1\",\"items\":[]}", 400, "userId"),
                arguments("userId as float", "POST", "/orders", JSON, "{\"userId\":1.5,\"items\":[]}", 400, "userId"),
                arguments("items not an array", "POST", "/orders", JSON, "{\"userId\":1,\"items\":{}}", 400, "items"),
                arguments("unknown field status", "POST", "/orders", JSON, "{\"userId\":1,\"status\":\"PAID\",\"items\":[]}", 400, "status"),
                arguments("unknown item field", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\",\"discount\":1}"), 400, "items[0].discount"),
                arguments("quantity as string", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":\"2\",\"unitPrice\":\"1.00\"}"), 400, "items[0].quantity"),
                arguments("quantity fractional", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1.5,\"unitPrice\":\"1.00\"}"), 400, "items[0].quantity"),
                arguments("price not a number", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"cheap\"}"), 400, "items[0].unitPrice"),
                arguments("price a boolean", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":true}"), 400, "items[0].unitPrice"),
                arguments("missing userId", "POST", "/orders", JSON, "{\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}", 422, "userId"),
                arguments("missing items", "POST", "/orders", JSON, "{\"userId\":1}", 422, "items"),
                arguments("no items", "POST", "/orders", JSON, "{\"userId\":1,\"items\":[]}", 422, "items"),
                arguments("101 items", "POST", "/orders", JSON, "{\"userId\":1,\"items\":[" + hundredAndOne.substring(0, hundredAndOne.length() - 1) + "]}", 422, "items"),
                arguments("zero userId", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}").replace("\"userId\":1", "\"userId\":0"), 422, "userId"),
                arguments("missing sku", "POST", "/orders", JSON, order("{\"quantity\":1,\"unitPrice\":\"1.00\"}"), 422, "items[0].sku"),
                arguments("sku of 33 emoji", "POST", "/orders", JSON, order("{\"sku\":\"" + "\uD83D\uDE00".repeat(33) + "\",\"quantity\":1,\"unitPrice\":\"1.00\"}"), 422, "items[0].sku"),
                arguments("sku of 33 emoji, original POST", "POST", "/order", JSON, order("{\"sku\":\"" + "\uD83D\uDE00".repeat(33) + "\",\"quantity\":1,\"unitPrice\":\"1.00\"}"), 422, "items[0].sku"),
                arguments("sku too long", "POST", "/orders", JSON, order("{\"sku\":\"" + "S".repeat(65) + "\",\"quantity\":1,\"unitPrice\":\"1.00\"}"), 422, "items[0].sku"),
                arguments("quantity zero", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":0,\"unitPrice\":\"1.00\"}"), 422, "items[0].quantity"),
                arguments("quantity over 10000", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":10001,\"unitPrice\":\"1.00\"}"), 422, "items[0].quantity"),
                arguments("price zero", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"0.00\"}"), 422, "items[0].unitPrice"),
                arguments("price negative", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"-5.00\"}"), 422, "items[0].unitPrice"),
                arguments("price over a million", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1000000.01\"}"), 422, "items[0].unitPrice"),
                arguments("price with 3 decimals", "POST", "/orders", JSON, order("{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.005\"}"), 422, "items[0].unitPrice"),
                arguments("null item", "POST", "/orders", JSON, order("null"), 422, "items[0]"),
                arguments("wrong content type", "POST", "/orders", "text/csv", "a,b", 415, null),
                arguments("unknown status", "PATCH", "/orders/{id}", JSON, "{\"status\":\"LOST\"}", 422, "status"),
                arguments("missing status", "PATCH", "/orders/{id}", JSON, "{}", 422, "status"),
                arguments("status a number", "PATCH", "/orders/{id}", JSON, "{\"status\":3}", 400, "status"),
                arguments("extra field on patch", "PATCH", "/orders/{id}", JSON, "{\"status\":\"PAID\",\"total\":\"0.01\"}", 400, "total"),
                arguments("non-numeric id", "GET", "/orders/x1", null, null, 400, "id"),
                arguments("bad status filter", "GET", "/orders?status=LOST", null, null, 400, "status"),
                arguments("bad userId filter", "GET", "/orders?userId=me", null, null, 400, "userId"),
                arguments("original bad id", "GET", "/order?id=one", null, null, 400, "id"),
                // the status exactly as the contract writes it
                arguments("status with a NUL after it", "PATCH", "/orders/{id}", JSON, "{\"status\":\"CANCELLED\\u0000\"}", 422, "status"),
                arguments("status in lower case", "PATCH", "/orders/{id}", JSON, "{\"status\":\"cancelled\"}", 422, "status"),
                arguments("status padded", "PATCH", "/orders/{id}", JSON, "{\"status\":\" CANCELLED \"}", 422, "status"),
                arguments("status filter in lower case", "GET", "/orders?status=paid", null, null, 400, "status"),
                // money: a string with exactly two decimals
                arguments("price as a JSON number", "POST", "/orders", JSON, order(item("49.9")), 400, "items[0].unitPrice"),
                arguments("price as a JSON number, original POST", "POST", "/order", JSON, order(item("49.9")), 400, "items[0].unitPrice"),
                arguments("price of 3 decimals as a number", "POST", "/orders", JSON, order(item("1.234")), 400, "items[0].unitPrice"),
                arguments("price without decimals", "POST", "/orders", JSON, order(item("\"5\"")), 422, "items[0].unitPrice"),
                arguments("price with a space before it", "POST", "/orders", JSON, order(item("\" 1.00\"")), 400, "items[0].unitPrice"),
                arguments("price with a plus", "POST", "/orders", JSON, order(item("\"+1.00\"")), 400, "items[0].unitPrice"),
                arguments("price with five decimals", "POST", "/orders", JSON, order(item("\"1.10000\"")), 422, "items[0].unitPrice"),
                arguments("price with one decimal", "POST", "/orders", JSON, order(item("\"1.2\"")), 422, "items[0].unitPrice"),
                arguments("price with 3 decimals, original POST", "POST", "/order", JSON, order(item("\"1.234\"")), 422, "items[0].unitPrice"),
                arguments("an item field given twice", "POST", "/orders", JSON,
                        order("{\"sku\":\"A\",\"sku\":\"B\",\"quantity\":1,\"unitPrice\":\"1.00\"}"), 400, "items[0].sku"),
                arguments("sku of a zero-width space", "POST", "/orders", JSON, order("{\"sku\":\"\\u200b\",\"quantity\":1,\"unitPrice\":\"1.00\"}"), 422, "items[0].sku"),
                arguments("sku with a lone surrogate", "POST", "/orders", JSON, order("{\"sku\":\"A\\ud800\",\"quantity\":1,\"unitPrice\":\"1.00\"}"), 422, "items[0].sku"),
                arguments("problem+json content type", "POST", "/orders", "application/problem+json", order(item("\"1.00\"")), 415, null),
                arguments("merge-patch content type", "PATCH", "/orders/{id}", "application/merge-patch+json", "{\"status\":\"PAID\"}", 415, null),
                arguments("JSON in UTF-16", "POST", "/orders", "application/json; charset=utf-16", order(item("\"1.00\"")), 415, null));
    }

    private static String item(String unitPrice) {
        return "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":" + unitPrice + "}";
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("badRequests")
    void badInputIsAClientErrorThatChangesNothing(String label, String method, String path, String contentType,
                                                   String body, int status, String field) {
        String before = client.get("/orders?limit=1000").body();

        Response res = client.send(method, path.replace("{id}", Long.toString(orderId)), contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));

        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.body()).doesNotContain("Exception", "at org.", "SELECT", "INSERT", "java.");
        if (field != null) {
            assertThat(res.json().get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(client.get("/orders?limit=1000").body()).isEqualTo(before);
    }
}
