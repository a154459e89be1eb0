package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Every method on every path of both services, with every kind of Authorization header, on a
 * service with an API token: bound to loopback (reads open, every change needs the token) and
 * bound to 0.0.0.0 (reads of users, orders and events need it too; /observe and /openapi stay
 * open). A refused request is 401 problem+json with {@code WWW-Authenticate: Bearer} and
 * changes nothing: the users, orders and both outboxes read the same afterwards.
 */
class ApiTokenMatrixTest {

    private static final String TOKEN = "right-token-123";

    /** Headers that must be refused: none, a wrong token, other schemes, the token without a scheme. */
    private static final List<String[]> REFUSED = List.of(
            new String[0],
            new String[] {"Authorization", "Bearer wrong"},
            new String[] {"Authorization", "Bearer " + TOKEN + "x"},
            new String[] {"Authorization", "Bearer"},
            new String[] {"Authorization", TOKEN},
            new String[] {"Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("user:" + TOKEN).getBytes(StandardCharsets.UTF_8))},
            new String[] {"Authorization", "Token " + TOKEN},
            new String[] {"X-Api-Token", TOKEN});

    /** Headers that carry the token: the scheme's name is case-insensitive. */
    private static final List<String[]> ACCEPTED = List.of(
            new String[] {"Authorization", "Bearer " + TOKEN},
            new String[] {"Authorization", "bearer " + TOKEN},
            new String[] {"Authorization", "BEARER " + TOKEN});

    private record Call(String service, String method, String path, String body) {
        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }
    }

    @ParameterizedTest(name = "bound to {0}")
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0"})
    void everyChangeNeedsTheTokenAndOffLoopbackEveryReadOfData(String host) {
        boolean offLoopback = !host.startsWith("127.");
        try (RunningService users = UserService.start(TestDatabases.fresh("users").withHost(host).withApiToken(TOKEN));
             RunningService orders = OrderService.start(TestDatabases.fresh("orders").withHost(host).withApiToken(TOKEN)
                     .withUserServiceUrl(users.baseUri()))) {
            TestClient userApi = new TestClient(users.baseUri());
            TestClient orderApi = new TestClient(orders.baseUri());
            String[] auth = {"Authorization", "Bearer " + TOKEN};
            long userId = userApi.post("/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}", auth).json()
                    .get("id").asLong();
            TestClient.Response order = orderApi.post("/orders", order(userId), auth);
            assertStatus(order, 201);
            long orderId = order.json().get("id").asLong();

            List<Call> changes = List.of(
                    new Call("users", "POST", "/users", "{\"name\":\"Eve\",\"email\":\"eve@example.com\"}"),
                    new Call("users", "PUT", "/users/" + userId, "{\"name\":\"Eve\",\"email\":\"eve@example.com\"}"),
                    new Call("users", "PATCH", "/users/" + userId, "{\"name\":\"Eve\"}"),
                    new Call("users", "DELETE", "/users/" + userId, null),
                    new Call("users", "POST", "/user", "{\"name\":\"Eve\",\"email\":\"eve@example.com\"}"),
                    new Call("users", "DELETE", "/users", null),
                    new Call("users", "POST", "/events", "{}"),
                    new Call("users", "POST", "/nowhere", "{}"),
                    new Call("orders", "POST", "/orders", order(userId)),
                    new Call("orders", "PUT", "/orders/" + orderId, order(userId)),
                    new Call("orders", "PATCH", "/orders/" + orderId, "{\"status\":\"PAID\"}"),
                    new Call("orders", "DELETE", "/orders/" + orderId, null),
                    new Call("orders", "POST", "/order", order(userId)),
                    new Call("orders", "DELETE", "/orders", null));
            List<Call> reads = new ArrayList<>();
            for (String method : List.of("GET", "HEAD")) {
                reads.addAll(List.of(
                        new Call("users", method, "/users", null),
                        new Call("users", method, "/users?q=ada", null),
                        new Call("users", method, "/users/" + userId, null),
                        new Call("users", method, "/user?id=" + userId, null),
                        new Call("users", method, "/events?after=0", null),
                        new Call("orders", method, "/orders", null),
                        new Call("orders", method, "/orders/" + orderId, null),
                        new Call("orders", method, "/order?id=" + orderId, null),
                        new Call("orders", method, "/events", null)));
            }
            List<Call> open = List.of(
                    new Call("users", "GET", "/observe/health", null),
                    new Call("users", "GET", "/observe/health/live", null),
                    new Call("users", "GET", "/observe/metrics", null),
                    new Call("users", "GET", "/openapi", null),
                    new Call("orders", "GET", "/observe/health/ready", null),
                    new Call("orders", "GET", "/observe/metrics", null),
                    new Call("orders", "GET", "/openapi", null));

            String before = snapshot(userApi, orderApi, auth);
            SoftAssertions softly = new SoftAssertions();
            for (Call call : changes) {
                for (String[] header : REFUSED) {
                    checkRefused(softly, send(call, userApi, orderApi, header), call, header);
                }
            }
            for (Call call : reads) {
                for (String[] header : REFUSED) {
                    TestClient.Response res = send(call, userApi, orderApi, header);
                    if (offLoopback) {
                        checkRefused(softly, res, call, header);
                    } else {
                        checkPassed(softly, res, call, header);
                    }
                }
                for (String[] header : ACCEPTED) {
                    checkPassed(softly, send(call, userApi, orderApi, header), call, header);
                }
            }
            for (Call call : open) {
                for (String[] header : REFUSED) {
                    softly.assertThat(send(call, userApi, orderApi, header).status())
                            .as(call + " with " + String.join(": ", header)).isEqualTo(200);
                }
            }
            softly.assertThat(snapshot(userApi, orderApi, auth)).as("what is stored after the refused requests")
                    .isEqualTo(before);

            // with the token, each change goes through, whatever the case of the scheme's name
            softly.assertThat(userApi.post("/users", "{\"name\":\"Bo\",\"email\":\"bo@example.com\"}",
                    ACCEPTED.get(1)).status()).isEqualTo(201);
            softly.assertThat(userApi.post("/user", "{\"name\":\"Cy\",\"email\":\"cy@example.com\"}",
                    ACCEPTED.get(2)).status()).isEqualTo(200);
            softly.assertThat(orderApi.post("/order", order(userId), ACCEPTED.get(1)).status()).isEqualTo(200);
            softly.assertThat(orderApi.patch("/orders/" + orderId, "{\"status\":\"PAID\"}", ACCEPTED.get(0)).status())
                    .isEqualTo(200);
            softly.assertThat(orderApi.delete("/orders/" + orderId, ACCEPTED.get(2)).status()).isEqualTo(204);
            softly.assertThat(userApi.put("/users/" + userId, "{\"name\":\"Ada K\",\"email\":\"ada@example.com\"}",
                    ACCEPTED.get(0)).status()).isEqualTo(200);
            softly.assertThat(userApi.delete("/users/" + userId, ACCEPTED.get(0)).status()).isEqualTo(204);
            softly.assertThat(userApi.get("/users", auth).json().get("total").asLong()).isEqualTo(2);
            softly.assertAll();
        }
    }

    /** Past the filter: GET and HEAD answer 200 (HEAD without a body). */
    private static void checkPassed(SoftAssertions softly, TestClient.Response res, Call call, String[] header) {
        softly.assertThat(res.status()).as(call + " with " + String.join(": ", header)).isEqualTo(200);
        if (call.method().equals("HEAD")) {
            softly.assertThat(res.body()).as(call + ": no body").isEmpty();
        }
    }

    private static void checkRefused(SoftAssertions softly, TestClient.Response res, Call call, String[] header) {
        String what = call + " with " + (header.length == 0 ? "no header" : String.join(": ", header));
        softly.assertThat(res.status()).as(what).isEqualTo(401);
        softly.assertThat(res.header("WWW-Authenticate")).as(what + ": WWW-Authenticate").isEqualTo("Bearer");
        softly.assertThat(res.contentType()).as(what + ": content type").isEqualTo("application/problem+json");
        if (!call.method().equals("HEAD") && res.status() == 401) {
            JsonNode body = res.json();
            softly.assertThat(body.get("status").asInt()).as(what + ": body").isEqualTo(401);
            softly.assertThat(body.get("title").asText()).as(what + ": title").isEqualTo("Unauthorized");
            softly.assertThat(body.get("type").asText()).as(what + ": type").endsWith("/401");
            softly.assertThat(body.get("detail").asText()).as(what + ": detail").contains("Bearer");
        }
    }

    private static TestClient.Response send(Call call, TestClient users, TestClient orders, String[] headers) {
        TestClient client = call.service().equals("users") ? users : orders;
        byte[] body = call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8);
        return client.send(call.method(), call.path(), body == null ? null : "application/json", body, headers);
    }

    /** Everything both services store, as they answer it. */
    private static String snapshot(TestClient users, TestClient orders, String[] auth) {
        return users.get("/users?limit=1000", auth).body() + users.get("/events?limit=1000", auth).body()
                + orders.get("/orders?limit=1000", auth).body() + orders.get("/events?limit=1000", auth).body();
    }

    private static void assertStatus(TestClient.Response res, int status) {
        org.assertj.core.api.Assertions.assertThat(res.status()).as(res.toString()).isEqualTo(status);
    }

    private static String order(long userId) {
        return "{\"userId\":" + userId + ",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"2.50\"}]}";
    }
}
