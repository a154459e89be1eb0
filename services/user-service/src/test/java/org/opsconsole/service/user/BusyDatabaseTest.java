package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * More requests than the pool has connections, each held by the database: those that find no
 * connection in time are refused as an overload (503 with Retry-After, in words), not a failure
 * (500), store nothing, and log no SEVERE; the service answers normally once the database moves.
 */
class BusyDatabaseTest {

    private static final int CLIENTS = 24;

    @Test
    void requestsThatFindNoFreeConnectionAreRefusedWith503AndRetryAfterAndStoreNothing() throws Exception {
        // a table lock holds every connection that touches the table; H2's readers and writers
        // of other rows never wait so, and its single-file database has no other client
        assumeTrue(TestDatabases.postgres(), "needs PostgreSQL's LOCK TABLE");
        ServiceConfig config = TestDatabases.fresh("users");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (RunningService service = UserService.start(config);
             Connection locker = DriverManager.getConnection(config.jdbcUrl())) {
            TestClient client = new TestClient(service.baseUri());
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            }
            List<Future<TestClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String body = "{\"name\":\"Busy " + i + "\",\"email\":\"busy" + i + "@example.com\"}";
                answers.add(clients.submit(() -> client.post("/users", body)));
            }
            // those beyond the pool's connections give up first; then the lock goes
            await().atMost(Duration.ofSeconds(60)).until(() -> answers.stream().anyMatch(Future::isDone));
            locker.commit();

            int created = 0;
            int refused = 0;
            for (Future<TestClient.Response> answer : answers) {
                TestClient.Response res = answer.get();
                assertThat(res.status()).as(res.toString()).isIn(201, 503);
                if (res.status() == 503) {
                    refused++;
                    assertThat(res.header("Retry-After")).isEqualTo("1");
                    assertThat(res.contentType()).startsWith("application/problem+json");
                    assertThat(res.json().get("detail").asText())
                            .contains("too busy").contains("no database connection became free in time");
                } else {
                    created++;
                }
            }
            assertThat(refused).as("requests refused for want of a connection").isPositive();
            assertThat(client.get("/users?q=busy").json().get("total").asInt()).isEqualTo(created);
            assertThat(client.post("/users", "{\"name\":\"After\",\"email\":\"after@example.com\"}").status()).isEqualTo(201);
        } finally {
            clients.shutdownNow();
        }
    }
}
