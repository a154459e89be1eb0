package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.EventReaders;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.ServiceMetricsReader;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.UserWriters;
import org.opsconsole.service.user.UserService;
import org.opsconsole.service.user.UserServiceMain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of each service on the same two PostgreSQL databases behave as one service pair
 * to their clients. (Only on PostgreSQL: an H2 file belongs to one process.)
 */
class TwoInstancesOnPostgresTest {

    private static final String ITEMS = "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"2.50\"}]";

    private static ServiceConfig usersDb;
    private static RunningService users1;
    private static RunningService users2;
    private static RunningService orders1;
    private static RunningService orders2;
    private static long usersAtStart;
    private static long ordersAtStart;

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        assumeThat(TestDatabases.postgres()).as("runs on PostgreSQL only").isTrue();
        usersDb = TestDatabases.fresh("users").withDemoData(true);
        ServiceConfig ordersDb = TestDatabases.fresh("orders").withDemoData(true);
        // both instances of each start at the same moment on an empty database
        CompletableFuture<RunningService> u1 = CompletableFuture.supplyAsync(() -> UserService.start(usersDb));
        CompletableFuture<RunningService> u2 = CompletableFuture.supplyAsync(() -> UserService.start(usersDb));
        users1 = u1.get(60, TimeUnit.SECONDS);
        users2 = u2.get(60, TimeUnit.SECONDS);
        CompletableFuture<RunningService> o1 = CompletableFuture.supplyAsync(
                () -> OrderService.start(ordersDb.withUserServiceUrl(users1.baseUri())));
        CompletableFuture<RunningService> o2 = CompletableFuture.supplyAsync(
                () -> OrderService.start(ordersDb.withUserServiceUrl(users2.baseUri())));
        orders1 = o1.get(60, TimeUnit.SECONDS);
        orders2 = o2.get(60, TimeUnit.SECONDS);
        usersAtStart = new TestClient(users2.baseUri()).get("/users?limit=1").json().get("total").asLong();
        ordersAtStart = new TestClient(orders2.baseUri()).get("/orders?limit=1").json().get("total").asLong();
    }

    @AfterAll
    static void stopAll() {
        for (RunningService s : new RunningService[] {orders1, orders2, users1, users2}) {
            if (s != null) {
                s.stop();
            }
        }
    }

    @Test
    void demoDataIsSeededOnceWhenTwoInstancesStartTogether() {
        assertThat(usersAtStart).isEqualTo(40);
        assertThat(ordersAtStart).isEqualTo(300);
    }

    @Test
    void aWriteOnOneInstanceIsReadOnTheOtherAtOnceAndVersionsHoldAcrossThem() {
        TestClient one = new TestClient(users1.baseUri());
        TestClient two = new TestClient(users2.baseUri());
        long id = one.post("/users", "{\"name\":\"Cross\",\"email\":\"cross@example.com\"}").json().get("id").asLong();
        // read on two first, so that a cache on two would hold the old row
        assertThat(two.get("/users/" + id).json().get("name").asText()).isEqualTo("Cross");

        TestClient.Response updated = one.put("/users/" + id, "{\"name\":\"Cross 2\",\"email\":\"cross@example.com\"}",
                "If-Match", "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(two.get("/users/" + id).json().get("name").asText()).isEqualTo("Cross 2");

        TestClient.Response stale = two.put("/users/" + id, "{\"name\":\"Stale\",\"email\":\"cross@example.com\"}",
                "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(one.get("/users/" + id).json().get("name").asText()).isEqualTo("Cross 2");

        assertThat(two.delete("/users/" + id).status()).isEqualTo(204);
        assertThat(one.get("/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void twentyRacersOverTwoInstancesGetOneCreatedAndNineteenConflicts() throws Exception {
        List<TestClient> instances = List.of(new TestClient(users1.baseUri()), new TestClient(users2.baseUri()));
        List<Integer> statuses = UserWriters.raceForOneEmail(20, i -> instances.get(i % 2));
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
    }

    @Test
    void eventsOfBothInstancesAreListedOnEachExactlyOnceInOneOrderWhileBothWrite() throws Exception {
        int before = EventReaders.listAll(users1.baseUri()).size();
        int perWriter = 40;
        int writersPerInstance = 4;
        int total = before + 2 * writersPerInstance * perWriter;
        CompletableFuture<List<Long>> streamedFromOne = EventReaders.streamUntil(users1.baseUri(), total);
        CompletableFuture<List<Long>> pagedFromTwo = EventReaders.pageUntil(users2.baseUri(), total);
        try (ExecutorService pool = Executors.newFixedThreadPool(2 * writersPerInstance)) {
            List<Future<Integer>> writes = new ArrayList<>();
            for (int w = 0; w < 2 * writersPerInstance; w++) {
                TestClient client = new TestClient((w % 2 == 0 ? users1 : users2).baseUri());
                int writer = w;
                writes.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perWriter; i++) {
                        if (client.post("/users", "{\"name\":\"E\",\"email\":\"e" + writer + "-" + i + "@example.com\"}")
                                .status() == 201) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> w : writes) {
                assertThat(w.get(120, TimeUnit.SECONDS)).isEqualTo(perWriter);
            }
        }
        List<Long> listedByOne = EventReaders.listAll(users1.baseUri());
        List<Long> listedByTwo = EventReaders.listAll(users2.baseUri());
        assertThat(listedByOne).doesNotHaveDuplicates().isSorted().containsExactlyElementsOf(listedByTwo);
        assertThat(streamedFromOne.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(listedByOne.subList(0, total));
        assertThat(pagedFromTwo.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(listedByOne.subList(0, total));
    }

    @Test
    void eachUserDeletionIsAppliedOnceWithTwoOrderInstancesConsuming() {
        TestClient userApi = new TestClient(users1.baseUri());
        TestClient ordersOne = new TestClient(orders1.baseUri());
        TestClient ordersTwo = new TestClient(orders2.baseUri());
        List<Long> orderIds = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            long userId = userApi.post("/users", "{\"name\":\"Gone\",\"email\":\"gone" + u + "@example.com\"}")
                    .json().get("id").asLong();
            gone.add(userId);
            for (TestClient orders : List.of(ordersOne, ordersTwo)) {
                orderIds.add(orders.post("/orders", "{\"userId\":" + userId + ",\"items\":" + ITEMS + "}")
                        .json().get("id").asLong());
            }
        }
        gone.forEach(id -> assertThat(new TestClient(users2.baseUri()).delete("/users/" + id).status()).isEqualTo(204));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (long id : orderIds) {
                assertThat(ordersTwo.get("/orders/" + id).json().get("status").asText()).isEqualTo("CANCELLED");
            }
        });
        // both consumers have read past every deletion; each order was cancelled by one of them, once
        long lastUserEvent = new TestClient(users1.baseUri()).get("/events?tail=0").json().get("lastId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> offset(orders1) >= lastUserEvent && offset(orders2) >= lastUserEvent);
        Set<Long> cancelledOnce = ConcurrentHashMap.newKeySet();
        AtomicInteger cancellations = new AtomicInteger();
        JsonNode events = ordersOne.get("/events?tail=1000&limit=1000").json();
        for (JsonNode event : events.get("items")) {
            long orderId = event.get("subjectId").asLong();
            if (event.get("type").asText().equals("order.status-changed") && orderIds.contains(orderId)
                    && event.get("data").get("to").asText().equals("CANCELLED")) {
                cancellations.incrementAndGet();
                cancelledOnce.add(orderId);
            }
        }
        assertThat(cancellations.get()).isEqualTo(orderIds.size());
        assertThat(cancelledOnce).hasSize(orderIds.size());
    }

    @Test
    void killingOneInstanceLosesNoAcknowledgedWrite(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        List<Long> acknowledged;
        try (ChildService doomed = ChildService.start(UserServiceMain.class.getName(), data,
                TestDatabases.childSettings(usersDb))) {
            UserWriters writers = UserWriters.start(doomed.baseUri(), 8, "kill").awaitAcknowledged(200);
            doomed.kill();
            acknowledged = writers.stop();
        }
        TestClient survivor = new TestClient(users1.baseUri());
        for (long id : acknowledged) {
            assertThat(survivor.get("/users/" + id).status()).as("user " + id + " was acknowledged").isEqualTo(200);
        }
    }

    private static long offset(RunningService orders) {
        return ServiceMetricsReader.consumerOffset(orders.baseUri());
    }

}
