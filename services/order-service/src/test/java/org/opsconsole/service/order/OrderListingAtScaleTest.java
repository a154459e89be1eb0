package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserService;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The orders list at scale: demo data in bulk, filtered pages by cursor, totals marked as estimates. */
class OrderListingAtScaleTest {

    /** Three orders each: 42,000, of which a quarter are NEW, over the 10,000 counted on every page. */
    private static final int USERS = 14_000;

    @Test
    void bulkDemoOrdersPageByCursorAndABigFilteredTotalIsMarkedAsAnEstimate(@TempDir Path data) throws Exception {
        ServiceConfig config = TestDatabases.persistent("orders", data).withDemoData(true).withDemoUsers(USERS);
        long big;
        try (RunningService users = UserService.start(TestDatabases.fresh("users"));
             RunningService orders = OrderService.start(config.withUserServiceUrl(users.baseUri()))) {
            TestClient client = new TestClient(orders.baseUri());

            JsonNode first = client.get("/orders?limit=3&sort=-createdAt").json();
            assertThat(first.get("items")).hasSize(3);
            // each demo order's total is its line's quantity times its unit price
            for (JsonNode order : first.get("items")) {
                JsonNode line = order.get("items").get(0);
                assertThat(new BigDecimal(order.get("total").asText())).isEqualByComparingTo(
                        new BigDecimal(line.get("unitPrice").asText()).multiply(new BigDecimal(line.get("quantity").asText())));
            }

            // one user's orders, every one of them, by cursor
            long someone = first.get("items").get(0).get("userId").asLong();
            List<Long> theirs = new ArrayList<>();
            String next = "/orders?limit=1&userId=" + someone;
            while (next != null) {
                JsonNode page = client.get(next).json();
                page.get("items").forEach(o -> {
                    assertThat(o.get("userId").asLong()).isEqualTo(someone);
                    theirs.add(o.get("id").asLong());
                });
                next = page.get("next").isNull() ? null : page.get("next").asText();
            }
            assertThat(theirs).isSorted().doesNotHaveDuplicates()
                    .hasSize((int) client.get("/orders?userId=" + someone).json().get("total").asLong());

            JsonNode fresh = client.get("/orders?status=NEW&limit=2").json();
            JsonNode again = client.get("/orders?status=NEW&limit=2&sort=-total").json();
            assertThat(fresh.get("total").asLong()).isBetween(10_001L, 12_000L);
            if (TestDatabases.postgres()) {
                assertThat(fresh.get("totalIsEstimate").asBoolean()).as("the planner's estimate").isTrue();
            } else {
                // H2: counted once, exactly, then given again as an estimate while it may have changed
                assertThat(fresh.get("totalIsEstimate").asBoolean()).isFalse();
                assertThat(fresh.get("total").asLong()).isEqualTo(USERS * 3L / 8 * 2); // the demo's NEW: 2 of every 8
                assertThat(again.get("totalIsEstimate").asBoolean()).isTrue();
                assertThat(again.get("total").asLong()).isEqualTo(fresh.get("total").asLong());
            }

            // the orders in one status, in every sort, page after page: in order, in that status, none twice
            for (String sort : List.of("id", "-id", "createdAt", "-updatedAt", "total", "-userId", "items", "-version")) {
                List<JsonNode> seen = new ArrayList<>();
                String page = "/orders?status=PAID&limit=4&sort=" + sort;
                for (int i = 0; i < 3; i++) {
                    JsonNode body = client.get(page).json();
                    body.get("items").forEach(seen::add);
                    page = body.get("next").asText();
                }
                assertThat(seen).as(sort).hasSize(12).allSatisfy(o -> assertThat(o.get("status").asText()).isEqualTo("PAID"));
                assertThat(seen.stream().map(o -> o.get("id").asLong()).toList()).as(sort).doesNotHaveDuplicates();
                assertThat(seen).as(sort).isSortedAccordingTo(byKey(sort));
            }

            // an order of three lines comes first by the number of its lines
            long buyer = new TestClient(users.baseUri()).post("/users", "{\"name\":\"Ada\",\"email\":\"ada@example.test\"}")
                    .json().get("id").asLong();
            big = client.post("/orders", "{\"userId\":" + buyer + ",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"},"
                    + "{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":\"2.00\"},{\"sku\":\"C\",\"quantity\":1,\"unitPrice\":\"3.00\"}]}")
                    .json().get("id").asLong();
            assertThat(client.get("/orders?limit=1&sort=-items").json().get("items").get(0).get("id").asLong()).isEqualTo(big);
        }
        Set<String> indexes = indexes(config);
        assertThat(indexes).contains("orders_user_id", "orders_status_id", "orders_created_id", "orders_updated_id",
                "orders_total_id", "orders_version_id", "orders_item_count_id");

        // an order written by an instance of an older version, without its number of lines, is counted
        // when this version starts
        execute(config, "UPDATE orders SET item_count = 0 WHERE id = " + big);
        try (RunningService users = UserService.start(TestDatabases.fresh("users"));
             RunningService orders = OrderService.start(config.withUserServiceUrl(users.baseUri()))) {
            TestClient client = new TestClient(orders.baseUri());
            assertThat(client.get("/orders?limit=1&sort=-items").json().get("items").get(0).get("id").asLong()).isEqualTo(big);
            assertThat(client.get("/orders?limit=1&sort=items").json().get("items").get(0).get("items")).hasSize(1);
        }
    }

    private static void execute(ServiceConfig config, String sql) throws Exception {
        try (Connection c = connect(config); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static Connection connect(ServiceConfig config) throws Exception {
        return config.jdbcUrl() != null ? DriverManager.getConnection(config.jdbcUrl())
                : DriverManager.getConnection("jdbc:h2:file:" + config.dataDir().toAbsolutePath().resolve("orders"), "sa", "");
    }

    /** The order of a listing sorted by {@code sort}: its key, then the id, both reversed for a leading '-'. */
    private static java.util.Comparator<JsonNode> byKey(String sort) {
        String name = sort.replaceFirst("^-", "");
        java.util.Comparator<JsonNode> byValue = switch (name) {
            case "id" -> java.util.Comparator.comparingLong(o -> o.get("id").asLong());
            case "createdAt", "updatedAt" -> java.util.Comparator.comparing(o -> java.time.Instant.parse(o.get(name).asText()));
            case "total" -> java.util.Comparator.comparing(o -> new BigDecimal(o.get("total").asText()));
            case "items" -> java.util.Comparator.comparingInt(o -> o.get("items").size());
            default -> java.util.Comparator.comparingLong(o -> o.get(name).asLong());
        };
        java.util.Comparator<JsonNode> order = byValue.thenComparingLong(o -> o.get("id").asLong());
        return sort.startsWith("-") ? order.reversed() : order;
    }

    private static Set<String> indexes(ServiceConfig config) throws Exception {
        String sql = TestDatabases.postgres() ? "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'orders'"
                : "SELECT LOWER(INDEX_NAME) AS name FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ORDERS'";
        Set<String> names = new HashSet<>();
        try (Connection c = connect(config); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }
}
