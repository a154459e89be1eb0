package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserServiceMain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of both services (child JVMs on one data folder, or on PostgreSQL) in the middle of a
 * mixed burst: user creates, updates, deletes; order creates, status moves, deletes; refused
 * changes (stale If-Match, illegal moves, invalid bodies); a user with open orders deleted, which
 * the orders service's consumer cancels. Each trial reopens what the one before left:
 * every acknowledged write is there with its acknowledged content (a write in flight at the kill
 * either is there whole or not at all), deleted ones are gone, each entity's events are exactly
 * its committed changes in order (versions 1, 2, ... n, none for a refused request), the
 * consumer resumes at the right event and cancels each order once, and ids only grow.
 * {@code -Dmixed-burst.trials=20} for the long run.
 */
class MixedBurstKillTest {

    private static final int TRIALS = Integer.getInteger("mixed-burst.trials", 5);
    private static final int WORKERS = 6;
    private static final int ACKS_PER_TRIAL = 150;

    /** What the test knows of one user or order: the last acknowledged state, and a change in flight. */
    static final class Entity {
        final String kind;
        final int worker;
        volatile long id;
        volatile long version;
        volatile String content;   // users: the name; orders: the status
        volatile boolean deleted;
        volatile Long ownerId;     // orders: the user; cascade orders are left to the consumer
        volatile boolean cascade;
        volatile String sku;       // orders: unique, to find a create in flight
        volatile String email;     // users: unique, to find a create in flight
        volatile Pending pending;

        Entity(String kind, int worker) {
            this.kind = kind;
            this.worker = worker;
        }

        @Override
        public String toString() {
            return kind + " " + id + " v" + version + " " + content + (deleted ? " deleted" : "")
                    + (pending == null ? "" : " pending " + pending);
        }
    }

    /** A request sent with no answer: CREATE, UPDATE (to content) or DELETE. */
    record Pending(String op, String content) {
    }

    private final List<Entity> entities = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger inFlightCommitted = new AtomicInteger();
    private final Map<Integer, List<Entity>> buyers = new ConcurrentHashMap<>();
    private long maxUserId;
    private long maxOrderId;
    private long lastUserEvent;
    private long lastOrderEvent;

    @Test
    void noAcknowledgedWriteOfAnyKindIsLostAndEventsIdsAndOffsetHold(@TempDir Path data) throws Exception {
        ServiceConfig userConfig = TestDatabases.persistent("users", data);
        ServiceConfig orderConfig = TestDatabases.persistent("orders", data);
        for (int trial = 1; trial <= TRIALS + 1; trial++) {
            try (ChildService users = ChildService.start(UserServiceMain.class.getName(), data,
                    TestDatabases.childSettings(userConfig));
                 ChildService orders = ChildService.start(OrderServiceMain.class.getName(), data,
                         with(TestDatabases.childSettings(orderConfig), "user-service.url=" + users.baseUri()))) {
                TestClient userApi = new TestClient(users.baseUri());
                TestClient orderApi = new TestClient(orders.baseUri());
                verify(userApi, orderApi, "after trial " + (trial - 1));
                if (trial > TRIALS) {
                    break;
                }
                burst(userApi, orderApi, users, orders, trial);
            }
        }
        assertThat(problems).isEmpty();
        // the bursts did what they were meant to: every kind of change, refusals, cascades, writes in flight
        assertThat(acks.get()).isGreaterThanOrEqualTo(TRIALS * ACKS_PER_TRIAL);
        assertThat(refused.get()).isPositive();
        assertThat(entities).anyMatch(e -> e.kind.equals("user") && e.deleted && !e.cascade)
                .anyMatch(e -> e.kind.equals("user") && e.version > 1)
                .anyMatch(e -> e.kind.equals("order") && e.deleted)
                .anyMatch(e -> e.kind.equals("order") && e.version > 2 && !e.cascade)
                .anyMatch(e -> e.kind.equals("order") && e.cascade && e.content.equals("CANCELLED"));
        assertThat(inFlight.get()).as("writes in flight at the kills").isPositive();
    }

    private static String[] with(String[] settings, String more) {
        List<String> all = new ArrayList<>(List.of(settings));
        all.add(more);
        return all.toArray(String[]::new);
    }

    // ---- the burst ------------------------------------------------------------------------

    private void burst(TestClient userApi, TestClient orderApi, ChildService users, ChildService orders, int trial)
            throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        int target = acks.get() + ACKS_PER_TRIAL;
        try (ExecutorService writers = Executors.newFixedThreadPool(WORKERS)) {
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                Random random = new Random(trial * 1000L + w);
                writers.submit(() -> {
                    try {
                        while (writing.get() && step(worker, random, userApi, orderApi)) {
                            // one request after another, each worker on its own entities
                        }
                    } catch (RuntimeException | AssertionError e) {
                        problems.add("worker " + worker + ": " + e);
                    }
                });
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> acks.get() >= target || !problems.isEmpty());
            if (trial % 2 == 0) {
                users.kill();
                orders.kill();
            } else {
                orders.kill();
                users.kill();
            }
            writing.set(false);
        }
        assertThat(problems).as("during trial " + trial).isEmpty();
    }

    /** One request of worker {@code w}; false once a service is gone (that request stays in flight). */
    private boolean step(int w, Random random, TestClient userApi, TestClient orderApi) {
        List<Entity> mine = entities.stream().filter(e -> e.worker == w && !e.deleted && e.pending == null
                && !e.cascade).toList();
        List<Entity> myUsers = mine.stream().filter(e -> e.kind.equals("user") && !isBuyer(w, e)).toList();
        List<Entity> myOrders = mine.stream().filter(e -> e.kind.equals("order")).toList();
        List<Entity> myBuyers = buyers.computeIfAbsent(w, k -> new CopyOnWriteArrayList<>()).stream()
                .filter(e -> e.pending == null && !e.deleted).toList();
        int n = sequence.incrementAndGet();
        int dice = random.nextInt(100);
        if (myBuyers.isEmpty() || dice < 15) {
            Entity user = createUser(w, n, userApi);
            if (user != null && myBuyers.isEmpty()) {
                buyers.get(w).add(user);
            }
            return user != null || refusedCreate.get();
        }
        if (dice < 25 && !myUsers.isEmpty()) {
            return updateUser(pick(random, myUsers), n, userApi, random.nextInt(5) == 0);
        }
        if (dice < 32 && !myUsers.isEmpty()) {
            return deleteUser(pick(random, myUsers), userApi);
        }
        if (dice < 55) {
            return createOrder(w, pick(random, myBuyers), n, orderApi, false) != null || refusedCreate.get();
        }
        if (dice < 75 && !myOrders.isEmpty()) {
            return moveOrder(pick(random, myOrders), orderApi, random);
        }
        if (dice < 82 && !myOrders.isEmpty()) {
            return deleteOrder(pick(random, myOrders), orderApi);
        }
        if (dice < 88) {
            return refusedBodies(userApi, orderApi, pick(random, myBuyers));
        }
        return cascade(w, n, userApi, orderApi);
    }

    private boolean isBuyer(int w, Entity e) {
        return buyers.getOrDefault(w, List.of()).contains(e);
    }

    private static Entity pick(Random random, List<Entity> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Whether this worker's last create was refused (503) rather than left without an answer. */
    private final ThreadLocal<Boolean> refusedCreate = ThreadLocal.withInitial(() -> false);

    private TestClient.Response send(Entity entity, Pending pending, java.util.function.Supplier<TestClient.Response> call) {
        entity.pending = pending;
        TestClient.Response res;
        try {
            res = call.get();
        } catch (RuntimeException e) {
            return null; // no answer: stays in flight, resolved after the reopen
        }
        entity.pending = null;
        return res;
    }

    private Entity createUser(int w, int n, TestClient userApi) {
        Entity user = new Entity("user", w);
        user.email = "w" + w + "-" + n + "@burst.test";
        user.content = "User " + n;
        entities.add(user);
        TestClient.Response res = send(user, new Pending("CREATE", user.content), () -> userApi.post("/users",
                "{\"name\":\"" + user.content + "\",\"email\":\"" + user.email + "\"}"));
        refusedCreate.set(false);
        if (res == null) {
            return null;
        }
        expect(res, 201);
        long id = res.json().get("id").asLong();
        if (id <= maxUserId) {
            problems.add("user id " + id + " reused: an earlier run had ids up to " + maxUserId);
        }
        user.id = id;
        user.version = 1;
        acks.incrementAndGet();
        return user;
    }

    private boolean updateUser(Entity user, int n, TestClient userApi, boolean stale) {
        String name = "User " + n;
        long version = stale ? user.version + 7 : user.version;
        if (stale) {
            TestClient.Response res;
            try {
                res = userApi.put("/users/" + user.id, "{\"name\":\"" + name + "\",\"email\":\"" + user.email + "\"}",
                        "If-Match", "\"" + version + "\"");
            } catch (RuntimeException e) {
                return false; // a refused change in flight changes nothing either way
            }
            expect(res, 412);
            refused.incrementAndGet();
            return true;
        }
        TestClient.Response res = send(user, new Pending("UPDATE", name), () -> userApi.put("/users/" + user.id,
                "{\"name\":\"" + name + "\",\"email\":\"" + user.email + "\"}", "If-Match", "\"" + version + "\""));
        if (res == null) {
            return false;
        }
        expect(res, 200);
        user.content = name;
        user.version = res.json().get("version").asLong();
        acks.incrementAndGet();
        return true;
    }

    private boolean deleteUser(Entity user, TestClient userApi) {
        TestClient.Response res = send(user, new Pending("DELETE", null), () -> userApi.delete("/users/" + user.id));
        if (res == null) {
            return false;
        }
        expect(res, 204);
        user.deleted = true;
        acks.incrementAndGet();
        return true;
    }

    private Entity createOrder(int w, Entity buyer, int n, TestClient orderApi, boolean cascade) {
        Entity order = new Entity("order", w);
        order.sku = "W" + w + "-" + n;
        order.ownerId = buyer.id;
        order.content = "NEW";
        order.cascade = cascade;
        entities.add(order);
        TestClient.Response res = send(order, new Pending("CREATE", "NEW"), () -> orderApi.post("/orders",
                "{\"userId\":" + buyer.id + ",\"items\":[{\"sku\":\"" + order.sku + "\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}"));
        refusedCreate.set(false);
        if (res == null) {
            return null;
        }
        if (res.status() == 503) {
            // the users service is being killed: refused, nothing stored
            entities.remove(order);
            refused.incrementAndGet();
            refusedCreate.set(true);
            return null;
        }
        expect(res, 201);
        long id = res.json().get("id").asLong();
        if (id <= maxOrderId) {
            problems.add("order id " + id + " reused: an earlier run had ids up to " + maxOrderId);
        }
        order.id = id;
        order.version = 1;
        acks.incrementAndGet();
        return order;
    }

    private boolean moveOrder(Entity order, TestClient orderApi, Random random) {
        String next = switch (order.content) {
            case "NEW" -> random.nextBoolean() ? "PAID" : "CANCELLED";
            case "PAID" -> random.nextInt(4) == 0 ? "CANCELLED" : "SHIPPED";
            case "SHIPPED" -> "DELIVERED";
            default -> null;
        };
        if (next == null || random.nextInt(6) == 0) {
            // an illegal move: 409, nothing changes
            String illegal = order.content.equals("NEW") ? "DELIVERED" : "NEW";
            TestClient.Response res;
            try {
                res = orderApi.patch("/orders/" + order.id, "{\"status\":\"" + illegal + "\"}");
            } catch (RuntimeException e) {
                return false;
            }
            expect(res, 409);
            refused.incrementAndGet();
            return true;
        }
        TestClient.Response res = send(order, new Pending("UPDATE", next), () -> orderApi.patch("/orders/" + order.id,
                "{\"status\":\"" + next + "\"}", "If-Match", "\"" + order.version + "\""));
        if (res == null) {
            return false;
        }
        expect(res, 200);
        order.content = next;
        order.version = res.json().get("version").asLong();
        acks.incrementAndGet();
        return true;
    }

    private boolean deleteOrder(Entity order, TestClient orderApi) {
        TestClient.Response res = send(order, new Pending("DELETE", null), () -> orderApi.delete("/orders/" + order.id));
        if (res == null) {
            return false;
        }
        expect(res, 204);
        order.deleted = true;
        acks.incrementAndGet();
        return true;
    }

    private boolean refusedBodies(TestClient userApi, TestClient orderApi, Entity buyer) {
        try {
            expect(userApi.post("/users", "{\"name\":\"\",\"email\":\"not-an-email\"}"), 422);
            expect(orderApi.post("/orders", "{\"userId\":" + buyer.id + ",\"items\":[]}"), 422);
            expect(userApi.post("/users", "{\"name\":\"X\",\"email\":\"x@y.zz\",\"id\":5}"), 400);
        } catch (RuntimeException e) {
            return false;
        }
        refused.addAndGet(3);
        return true;
    }

    /** A user with two open orders, deleted: the orders service's consumer cancels both. */
    private boolean cascade(int w, int n, TestClient userApi, TestClient orderApi) {
        Entity doomed = createUser(w, n, userApi);
        if (doomed == null) {
            return false;
        }
        doomed.cascade = true;
        for (int i = 0; i < 2; i++) {
            Entity order = createOrder(w, doomed, sequence.incrementAndGet(), orderApi, true);
            if (order == null) {
                return refusedCreate.get();
            }
        }
        return deleteUser(doomed, userApi);
    }

    private void expect(TestClient.Response res, int status) {
        if (res.status() != status) {
            throw new AssertionError(res.raw().request().method() + " " + res.raw().request().uri() + ": expected "
                    + status + ", got " + res);
        }
    }

    // ---- what the reopened services hold ---------------------------------------------------

    private void verify(TestClient userApi, TestClient orderApi, String when) {
        resolveInFlight(userApi, orderApi);
        // the consumer resumes at the right event: it reaches the users' last event, cancelling each once
        long usersLast = userApi.get("/events?tail=0").json().get("lastId").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> offset(orderApi) >= usersLast);
        assertThat(offset(orderApi)).as("consumer offset " + when).isEqualTo(usersLast);

        // on H2 an event is readable a moment after its transaction commits (and the offset shows it):
        // the stored state and the events must agree soon, not at the first look
        Map<String, Map<Long, List<JsonNode>>> read = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            read.put("users", events(userApi, "users", lastUserEvent));
            read.put("orders", events(orderApi, "orders", lastOrderEvent));
            for (Entity e : entities) {
                if (e.id == 0) {
                    continue;
                }
                if (e.kind.equals("user")) {
                    checkUser(e, userApi, read.get("users").getOrDefault(e.id, List.of()), when);
                } else {
                    checkOrder(e, orderApi, read.get("orders").getOrDefault(e.id, List.of()), when);
                }
            }
        });
        Map<Long, List<JsonNode>> userEvents = read.get("users");
        Map<Long, List<JsonNode>> orderEvents = read.get("orders");
        // nothing stored that the test did not ask for (and find)
        assertThat(userEvents.keySet()).as("users with events " + when)
                .isSubsetOf(entities.stream().filter(e -> e.kind.equals("user")).map(e -> e.id).toList());
        assertThat(orderEvents.keySet()).as("orders with events " + when)
                .isSubsetOf(entities.stream().filter(e -> e.kind.equals("order")).map(e -> e.id).toList());
        assertThat(userApi.get("/users?limit=1").json().get("total").asLong()).as("users stored " + when)
                .isEqualTo(entities.stream().filter(e -> e.kind.equals("user") && e.id > 0 && !e.deleted).count());
        assertThat(orderApi.get("/orders?limit=1").json().get("total").asLong()).as("orders stored " + when)
                .isEqualTo(entities.stream().filter(e -> e.kind.equals("order") && e.id > 0 && !e.deleted).count());
        System.out.printf("mixed burst %s: %d users, %d orders known; %d acknowledged, %d refused, %d in flight"
                        + " at the kills (%d committed); users' last event %d, orders' %d%n", when,
                entities.stream().filter(e -> e.kind.equals("user")).count(),
                entities.stream().filter(e -> e.kind.equals("order")).count(),
                acks.get(), refused.get(), inFlight.get(), inFlightCommitted.get(), lastUserEvent, lastOrderEvent);
        maxUserId = Math.max(maxUserId, userEvents.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
        maxOrderId = Math.max(maxOrderId, orderEvents.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** A request that got no answer either happened whole or not at all: find out which. */
    private void resolveInFlight(TestClient userApi, TestClient orderApi) {
        for (Entity e : List.copyOf(entities)) {
            Pending p = e.pending;
            if (p == null) {
                continue;
            }
            e.pending = null;
            inFlight.incrementAndGet();
            if (p.op().equals("CREATE")) {
                JsonNode found = e.kind.equals("user") ? findUser(userApi, e.email) : findOrder(orderApi, e);
                if (found == null) {
                    entities.remove(e);
                } else {
                    inFlightCommitted.incrementAndGet();
                    e.id = found.get("id").asLong();
                    e.version = found.get("version").asLong();
                    assertThat(e.version).as("a created " + e.kind + " in flight").isEqualTo(1);
                }
                continue;
            }
            TestClient.Response now = e.kind.equals("user") ? userApi.get("/users/" + e.id) : orderApi.get("/orders/" + e.id);
            if (p.op().equals("DELETE")) {
                if (now.status() == 404) {
                    inFlightCommitted.incrementAndGet();
                    e.deleted = true;
                } else {
                    assertThat(now.json().get("version").asLong()).as(e + ": a delete in flight").isEqualTo(e.version);
                }
                continue;
            }
            assertThat(now.status()).as(e + ": an update in flight").isEqualTo(200);
            long version = now.json().get("version").asLong();
            if (version == e.version + 1) {
                inFlightCommitted.incrementAndGet();
                String content = now.json().get(e.kind.equals("user") ? "name" : "status").asText();
                assertThat(content).as(e + ": an update in flight that committed").isEqualTo(p.content());
                e.version = version;
                e.content = content;
            } else if (!(e.kind.equals("order") && e.cascade)) {
                assertThat(version).as(e + ": an update in flight that did not commit").isEqualTo(e.version);
            }
        }
    }

    private static JsonNode findUser(TestClient userApi, String email) {
        for (JsonNode user : userApi.get("/users?limit=10&q=" + email).json().get("items")) {
            if (user.get("email").asText().equals(email)) {
                return user;
            }
        }
        return null;
    }

    private JsonNode findOrder(TestClient orderApi, Entity order) {
        for (JsonNode o : orderApi.get("/orders?limit=1000&userId=" + order.ownerId).json().get("items")) {
            if (o.get("items").isEmpty()) {
                long id = o.get("id").asLong();
                throw new AssertionError("an order without lines after the kill: " + o + "; known to the test as "
                        + entities.stream().filter(e -> e.kind.equals("order") && e.id == id).toList()
                        + "; GET /orders/" + id + ": " + orderApi.get("/orders/" + id).body()
                        + "; its events: " + eventsOf(orderApi, id));
            }
            if (o.get("items").get(0).get("sku").asText().equals(order.sku)) {
                return o;
            }
        }
        return null;
    }

    private void checkUser(Entity e, TestClient userApi, List<JsonNode> events, String when) {
        TestClient.Response res = userApi.get("/users/" + e.id);
        List<String> types = events.stream().map(ev -> ev.get("type").asText()).toList();
        if (e.deleted) {
            assertThat(res.status()).as(e + " " + when).isEqualTo(404);
            assertThat(types).as(e + " events " + when).endsWith("user.deleted");
            assertThat(types.subList(0, types.size() - 1)).as(e + " events " + when).isEqualTo(expectedTypes("user", e.version));
        } else {
            assertThat(res.status()).as(e + " " + when).isEqualTo(200);
            assertThat(res.json().get("name").asText()).as(e + " " + when).isEqualTo(e.content);
            assertThat(res.json().get("email").asText()).as(e + " " + when).isEqualTo(e.email);
            assertThat(res.json().get("version").asLong()).as(e + " " + when).isEqualTo(e.version);
            assertThat(types).as(e + " events " + when).isEqualTo(expectedTypes("user", e.version));
            assertThat(events.getLast().get("data").get("name").asText()).isEqualTo(e.content);
        }
        for (int i = 0; i < events.size(); i++) {
            long version = events.get(i).get("data").get("version").asLong();
            assertThat(version).as(e + " event " + i + " " + when).isEqualTo(Math.min(i + 1, e.version));
        }
    }

    private void checkOrder(Entity e, TestClient orderApi, List<JsonNode> events, String when) {
        TestClient.Response res = orderApi.get("/orders/" + e.id);
        List<String> types = events.stream().map(ev -> ev.get("type").asText()).toList();
        if (e.cascade) {
            Entity owner = entities.stream().filter(u -> u.kind.equals("user") && Objects.equals(u.id, e.ownerId))
                    .findFirst().orElseThrow();
            if (owner.deleted && !e.deleted) {
                // cancelled by the consumer, exactly once, whenever it read the deletion
                e.content = "CANCELLED";
                e.version = 2;
            }
        }
        if (e.deleted) {
            assertThat(res.status()).as(e + " " + when).isEqualTo(404);
            assertThat(types).as(e + " events " + when).endsWith("order.deleted");
            assertThat(types.subList(0, types.size() - 1)).as(e + " events " + when).isEqualTo(expectedTypes("order", e.version));
            return;
        }
        assertThat(res.status()).as(e + " " + when).isEqualTo(200);
        assertThat(res.json().get("status").asText()).as(e + " " + when).isEqualTo(e.content);
        assertThat(res.json().get("version").asLong()).as(e + " " + when).isEqualTo(e.version);
        assertThat(res.json().get("items").get(0).get("sku").asText()).isEqualTo(e.sku);
        assertThat(types).as(e + " events " + when).isEqualTo(expectedTypes("order", e.version));
        String status = "NEW";
        for (int i = 1; i < events.size(); i++) {
            JsonNode data = events.get(i).get("data");
            assertThat(data.get("from").asText()).as(e + " event " + i).isEqualTo(status);
            status = data.get("to").asText();
            assertThat(data.get("order").get("version").asLong()).as(e + " event " + i).isEqualTo(i + 1);
        }
        assertThat(status).as(e + " last event " + when).isEqualTo(e.content);
    }

    private static List<String> expectedTypes(String kind, long version) {
        List<String> types = new ArrayList<>();
        types.add(kind + ".created");
        for (long v = 2; v <= version; v++) {
            types.add(kind.equals("user") ? "user.updated" : "order.status-changed");
        }
        return types;
    }

    /** Every event of a service by subject, in id order; ids strictly growing, the older ones unchanged. */
    private Map<Long, List<JsonNode>> events(TestClient api, String service, long previousLast) {
        Map<Long, List<JsonNode>> bySubject = new HashMap<>();
        long last = 0;
        for (JsonNode event : allEvents(api)) {
            long id = event.get("id").asLong();
            assertThat(id).as(service + " event ids grow").isGreaterThan(last);
            last = id;
            bySubject.computeIfAbsent(event.get("subjectId").asLong(), k -> new ArrayList<>()).add(event);
        }
        assertThat(last).as(service + " events only added").isGreaterThanOrEqualTo(previousLast);
        if (service.equals("users")) {
            lastUserEvent = last;
        } else {
            lastOrderEvent = last;
        }
        return bySubject;
    }

    private static List<JsonNode> eventsOf(TestClient api, long subjectId) {
        return allEvents(api).stream().filter(event -> event.get("subjectId").asLong() == subjectId).toList();
    }

    /** Every readable event of a service, page by page. */
    private static List<JsonNode> allEvents(TestClient api) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/events?limit=1000&after=" + after).json();
            if (page.get("items").isEmpty()) {
                return all;
            }
            page.get("items").forEach(all::add);
            after = page.get("lastId").asLong();
        }
    }

    private static long offset(TestClient orders) {
        return orders.get("/observe/metrics").body().lines()
                .filter(line -> line.startsWith("events_consumer_offset{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }
}
