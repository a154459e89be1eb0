package org.opsconsole.service.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.Listing;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists whose cost does not grow with the table: pages by cursor, totals that say when they are
 * estimates, the indexes behind them (on H2 and on PostgreSQL).
 */
class ListingAtScaleTest {

    private static final int USERS = 12_000;

    @Test
    void theCursorWalksEveryRowOnceWhileRowsAreAddedAndDeleted() throws Exception {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            List<Long> kept = new ArrayList<>();
            List<Long> doomed = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                long id = client.post("/users", user("Walk " + (char) ('a' + i % 26) + i, "walk" + i + "@example.com"))
                        .json().get("id").asLong();
                (i % 3 == 0 ? doomed : kept).add(id);
            }
            long lastBefore = Math.max(kept.getLast(), doomed.getLast());
            for (String sort : List.of("id", "-id", "name", "-name", "email", "createdAt", "-updatedAt")) {
                AtomicBoolean walking = new AtomicBoolean(true);
                Set<Long> deleted = ConcurrentHashMap.newKeySet();
                Thread writer = Thread.ofVirtual().start(() -> {
                    TestClient writes = new TestClient(service.baseUri());
                    int n = 0;
                    while (walking.get() && n < doomed.size()) {
                        writes.post("/users", user("Walk new " + sort + n, "new-" + sort.replace("-", "d") + n + "@example.com"));
                        long id = doomed.get(n++);
                        if (writes.delete("/users/" + id).status() == 204) {
                            deleted.add(id);
                        }
                    }
                });
                List<Long> seen = new ArrayList<>();
                String next = "/users?limit=7&q=walk&sort=" + sort;
                while (next != null) {
                    JsonNode page = client.get(next).json();
                    page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
                    next = page.get("next").isNull() ? null : page.get("next").asText();
                }
                walking.set(false);
                writer.join();

                assertThat(seen).as(sort + ": no row twice").doesNotHaveDuplicates();
                assertThat(seen).as(sort + ": every row that stayed").containsAll(kept);
                // the rows deleted before the walk got to them are not given; none is given that never existed
                assertThat(new HashSet<>(seen)).as(sort).allMatch(id -> kept.contains(id) || doomed.contains(id) || id > lastBefore);
                // the next walk deletes among those still there
                doomed.removeAll(deleted);
            }
        }
    }

    @Test
    void aCursorFromAnotherSortOrNoneAtAllIsRefusedInWords() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            for (int i = 0; i < 3; i++) {
                client.post("/users", user("C" + i, "c" + i + "@example.com"));
            }
            String next = client.get("/users?limit=1&sort=name").json().get("next").asText();
            String cursor = next.substring(next.indexOf("after=") + "after=".length());

            TestClient.Response otherSort = client.get("/users?limit=1&sort=email&after=" + cursor);
            assertThat(otherSort.status()).isEqualTo(400);
            assertThat(otherSort.json().get("detail").asText()).contains("sorted by name").contains("not by email");
            TestClient.Response garbage = client.get("/users?after=not-a-cursor");
            assertThat(garbage.status()).isEqualTo(400);
            assertThat(garbage.json().get("errors").get(0).get("field").asText()).isEqualTo("after");
            assertThat(client.get("/users?after=" + cursor + "&offset=2&sort=name").status()).isEqualTo(400);
        }
    }

    @Test
    void aBigTablesTotalIsExactOrMarkedAsAnEstimateAndItsIndexesAreThere(@TempDir Path data) throws Exception {
        ServiceConfig config = TestDatabases.persistent("users", data).withDemoData(true).withDemoUsers(USERS);
        try (RunningService service = UserService.start(config)) {
            TestClient client = new TestClient(service.baseUri());
            JsonNode all = client.get("/users?limit=5").json();
            if (TestDatabases.postgres()) {
                // PostgreSQL estimates from its statistics instead of counting the table on every page
                assertThat(all.get("totalIsEstimate").asBoolean()).isTrue();
                assertThat(all.get("total").asLong()).isBetween(USERS * 9L / 10, USERS * 11L / 10);
            } else {
                // H2 keeps the row count: exact and cheap
                assertThat(all.get("totalIsEstimate").asBoolean()).isFalse();
                assertThat(all.get("total").asLong()).isEqualTo(USERS);
            }
            // a search that few users match: the demo's names repeat every 20 users, so Grace Torvalds
            // numbered from 2 are 201, 221, ... 281 and 2001, 2021, ... 2981
            JsonNode few = client.get("/users?q=grace.torvalds.2&limit=5").json();
            assertThat(few.get("totalIsEstimate").asBoolean()).isFalse();
            assertThat(few.get("total").asLong()).isBetween(6L, (long) Listing.SEARCH_COUNTED_UP_TO);
            assertThat(few.get("items")).hasSize(5)
                    .allSatisfy(user -> assertThat(user.get("email").asText()).startsWith("grace.torvalds.2"));
            if (TestDatabases.postgres()) {
                // a search that more users match than a search counts (every tenth: their number ends in 1)
                // is not counted row by row: its total is PostgreSQL's estimate
                JsonNode many = client.get("/users?q=1@example.com&limit=5").json();
                assertThat(many.get("totalIsEstimate").asBoolean()).isTrue();
                assertThat(many.get("total").asLong()).isGreaterThan(Listing.SEARCH_COUNTED_UP_TO);
                assertThat(many.get("items")).hasSize(5)
                        .allSatisfy(user -> assertThat(user.get("email").asText()).endsWith("1@example.com"));
            }
            // the last page, by following next links from deep in the list
            JsonNode deep = client.get("/users?limit=5&offset=" + (USERS - 7)).json();
            JsonNode last = client.get(deep.get("next").asText()).json();
            assertThat(last.get("items")).hasSize(2);
            assertThat(last.get("items").get(1).get("id").asLong()).isEqualTo(USERS);
            assertThat(last.get("next").isNull()).isTrue();

            if (TestDatabases.postgres()) {
                assertThat(plan(config, "SELECT id FROM users WHERE name_key LIKE '%lovelace.9%' OR email_key LIKE '%lovelace.9%'"))
                        .contains("users_name_trgm").contains("users_email_trgm");
                assertThat(plan(config, "SELECT id FROM users WHERE name_key >= 'k' AND (name_key > 'k' OR id > 5)"
                        + " ORDER BY name_key, id FETCH FIRST 21 ROWS ONLY")).contains("users_name_id");
            }
        }
        assertThat(indexes(config)).contains("users_name_id", "users_created_id", "users_updated_id");
        if (TestDatabases.postgres()) {
            assertThat(indexes(config)).contains("users_name_trgm", "users_email_trgm");
        } else {
            // a search's names and emails, each read from an index that also holds the other key
            assertThat(indexes(config)).contains("users_email_name");
            String plan = h2Plan(config, "SELECT id FROM users WHERE id IN ("
                    + "SELECT id FROM (SELECT id FROM users WHERE name_key >= 'ada' AND name_key < 'adb' ORDER BY email_key, id FETCH FIRST 21 ROWS ONLY)"
                    + " UNION SELECT id FROM (SELECT id FROM users WHERE email_key >= 'ada' AND email_key < 'adb' ORDER BY name_key, id FETCH FIRST 21 ROWS ONLY))");
            assertThat(plan).contains("USERS_NAME_ID: NAME_KEY >= 'ada'").contains("USERS_EMAIL_NAME: EMAIL_KEY >= 'ada'");
        }
    }

    @Test
    void searchFindsTextAnywhereOnPostgresqlAndAtTheStartOnH2() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            client.post("/users", user("Grace Hopper", "grace.hopper@example.com"));

            assertThat(client.get("/users?q=grace").json().get("total").asLong()).isEqualTo(1);
            assertThat(client.get("/users?q=GRACE.HOP").json().get("total").asLong()).isEqualTo(1);
            assertThat(client.get("/users?q=hopper").json().get("total").asLong())
                    .isEqualTo(TestDatabases.postgres() ? 1 : 0);

            // a whole address, or its end with the domain, finds the one user; the same local part at
            // another domain finds nobody (on PostgreSQL the index is asked for the part before the '@')
            client.post("/users", user("Grace Other", "grace.hopper@example.org"));
            JsonNode whole = client.get("/users?q=Grace.Hopper@Example.com").json();
            assertThat(whole.get("items")).singleElement()
                    .satisfies(u -> assertThat(u.get("email").asText()).isEqualTo("grace.hopper@example.com"));
            assertThat(whole.get("total").asLong()).isEqualTo(1);
            assertThat(client.get("/users?q=hopper@example.com").json().get("total").asLong())
                    .isEqualTo(TestDatabases.postgres() ? 1 : 0);
            assertThat(client.get("/users?q=grace.hopper@example.net").json().get("total").asLong()).isZero();
            assertThat(client.get("/users?q=grace.hopper@").json().get("total").asLong()).isEqualTo(2);
        }
    }

    /** H2's plan for {@code query}: the index each table is read through, in a comment. */
    private static String h2Plan(ServiceConfig config, String query) throws Exception {
        try (Connection c = connect(config); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("EXPLAIN " + query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The index names of the users table, from the database's own catalogue. */
    private static Set<String> indexes(ServiceConfig config) throws Exception {
        String sql = TestDatabases.postgres() ? "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'users'"
                : "SELECT LOWER(INDEX_NAME) AS name FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'USERS'";
        Set<String> names = new HashSet<>();
        try (Connection c = connect(config); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    /**
     * PostgreSQL's plan for {@code query} with table scans made the last resort: at this test's
     * 12,000 rows a scan is as cheap as an index, so this shows that the index serves the query (at
     * a million rows the planner takes it by itself: bench/data-scale.sh).
     */
    private static String plan(ServiceConfig config, String query) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = connect(config); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (ResultSet rows = s.executeQuery("EXPLAIN " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    /** The service's database, as the service opens it (H2 as "sa"; PostgreSQL's URL names its user). */
    private static Connection connect(ServiceConfig config) throws java.sql.SQLException {
        return config.jdbcUrl() != null ? DriverManager.getConnection(config.jdbcUrl())
                : DriverManager.getConnection(jdbcUrl(config), "sa", "");
    }

    private static String jdbcUrl(ServiceConfig config) {
        return config.jdbcUrl() != null ? config.jdbcUrl()
                : "jdbc:h2:file:" + config.dataDir().toAbsolutePath().resolve("users");
    }

    private static String user(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}";
    }
}
