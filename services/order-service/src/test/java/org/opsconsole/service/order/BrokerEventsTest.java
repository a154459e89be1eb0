package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.model.Json;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.RabbitMqServer;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceMetricsReader;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserService;
import org.opsconsole.service.user.UserServiceMain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The events carried by a real RabbitMQ: published with confirms, consumed once, nothing lost when it is away. */
class BrokerEventsTest {

    private static final String ITEMS = "[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"2.50\"}]";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static RabbitMqServer rabbit;
    private static RunningService users;
    private static RunningService orders;

    @BeforeAll
    static void startBrokerAndServices() {
        rabbit = RabbitMqServer.start();
        users = UserService.start(TestDatabases.fresh("users").withBrokerUrl(rabbit.url()));
        orders = OrderService.start(TestDatabases.fresh("orders").withBrokerUrl(rabbit.url())
                .withUserServiceUrl(users.baseUri()));
    }

    @AfterAll
    static void stopAll() {
        for (RunningService s : new RunningService[] {orders, users}) {
            if (s != null) {
                s.stop();
            }
        }
        if (rabbit != null) {
            rabbit.close();
        }
    }

    @Test
    void everyEventArrivesOnTheExchangeWithItsTypeAsKeyAndItsListingAsBody() throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            String queue = watch(channel, "user.*");
            TestClient api = new TestClient(users.baseUri());
            long id = api.post("/users", "{\"name\":\"Bus\",\"email\":\"bus@example.com\"}").json().get("id").asLong();
            api.put("/users/" + id, "{\"name\":\"Bus 2\",\"email\":\"bus@example.com\"}");
            api.delete("/users/" + id);

            List<GetResponse> messages = receive(channel, queue, 3);
            assertThat(messages).extracting(m -> m.getEnvelope().getRoutingKey())
                    .containsExactly("user.created", "user.updated", "user.deleted");
            Map<Long, JsonNode> listed = new HashMap<>();
            api.get("/events?limit=1000").json().get("items").forEach(item -> listed.put(item.get("id").asLong(), item));
            for (GetResponse message : messages) {
                JsonNode body = Json.mapper().readTree(message.getBody());
                assertThat(body).isEqualTo(listed.get(body.get("id").asLong()));
                assertThat(body.get("subjectId").asLong()).isEqualTo(id);
                assertThat(message.getProps().getMessageId()).isEqualTo("users:" + body.get("id").asLong());
                assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
                assertThat(message.getProps().getContentType()).isEqualTo("application/json");
            }
        }
    }

    @Test
    void aDeletedUsersOpenOrdersAreCancelledThroughTheBrokerAndARepublishedDeletionChangesNothing() throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            String queue = watch(channel, "user.deleted");
            TestClient userApi = new TestClient(users.baseUri());
            TestClient orderApi = new TestClient(orders.baseUri());
            long gone = userApi.post("/users", "{\"name\":\"Gone\",\"email\":\"gone@example.com\"}").json().get("id").asLong();
            long first = createOrder(orderApi, gone);
            long second = createOrder(orderApi, gone);

            assertThat(userApi.delete("/users/" + gone).status()).isEqualTo(204);
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(status(orderApi, first)).isEqualTo("CANCELLED");
                assertThat(status(orderApi, second)).isEqualTo("CANCELLED");
            });

            // the same message again, as after a relay restart: ignored by event id
            GetResponse deletion = receive(channel, queue, 1).getFirst();
            channel.basicPublish("opsconsole.events", "user.deleted", deletion.getProps(), deletion.getBody());
            long deletionId = Json.mapper().readTree(deletion.getBody()).get("id").asLong();
            await().atMost(PATIENCE).until(() -> offset(orders) >= deletionId);
            userApi.post("/users", "{\"name\":\"Later\",\"email\":\"later@example.com\"}");
            assertThat(cancellations(orderApi, List.of(first, second))).isEqualTo(2);
        }
    }

    @Test
    void withTheBrokerAwayWritesSucceedHealthSaysSoAndEverythingFlowsOnceItIsBack() throws Exception {
        TestClient userApi = new TestClient(users.baseUri());
        TestClient orderApi = new TestClient(orders.baseUri());
        long gone = userApi.post("/users", "{\"name\":\"Outage\",\"email\":\"outage@example.com\"}").json().get("id").asLong();
        long order = createOrder(orderApi, gone);
        rabbit.stop();
        try {
            await().atMost(PATIENCE).untilAsserted(() -> {
                TestClient.Response health = userApi.get("/observe/health");
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
                assertThat(health.body()).contains("broker").contains("unreachable");
            });
            assertThat(userApi.post("/users", "{\"name\":\"Meanwhile\",\"email\":\"meanwhile@example.com\"}").status())
                    .isEqualTo(201);
            assertThat(userApi.delete("/users/" + gone).status()).isEqualTo(204);
            assertThat(status(orderApi, order)).isEqualTo("NEW");
        } finally {
            rabbit.startAgain();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(orderApi, order)).isEqualTo("CANCELLED"));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(userApi.get("/observe/health").json().get("status").asText()).isEqualTo("UP"));
        assertThat(cancellations(orderApi, List.of(order))).isEqualTo(1);
    }

    @Test
    void killMinusNineOfTheUsersServiceLosesNoEventAndTheConsumerAppliesEachOnce(@TempDir Path data) throws Exception {
        // a broker of its own: this users database numbers its events from 1 too, and on the shared
        // broker its deletions would reach the class's orders service as events it had already seen
        try (RabbitMqServer own = RabbitMqServer.start()) {
            killMinusNineOnItsOwnBroker(own, data);
        }
    }

    private static void killMinusNineOnItsOwnBroker(RabbitMqServer own, Path data) throws Exception {
        ServiceConfig config = TestDatabases.persistent("users", data).withBrokerUrl(own.url());
        List<String> settings = new ArrayList<>(List.of(TestDatabases.childSettings(config)));
        settings.add("broker-url=" + own.url());
        try (Connection connection = connect(own); Channel channel = connection.createChannel();
             RunningService localOrders = OrderService.start(TestDatabases.fresh("orders").withBrokerUrl(own.url()))) {
            String queue = watch(channel, "user.#");
            Set<Long> deletedUsers = ConcurrentHashMap.newKeySet();
            ChildService child = ChildService.start(UserServiceMain.class.getName(), data, settings.toArray(String[]::new));
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger n = new AtomicInteger();
            try (child; ExecutorService writers = Executors.newFixedThreadPool(4)) {
                TestClient api = new TestClient(child.baseUri());
                for (int w = 0; w < 4; w++) {
                    writers.submit(() -> {
                        while (writing.get()) {
                            int i = n.incrementAndGet();
                            try {
                                long id = api.post("/users", "{\"name\":\"K\",\"email\":\"k" + i + "@example.com\"}")
                                        .json().get("id").asLong();
                                if (i % 3 == 0 && api.delete("/users/" + id).status() == 204) {
                                    deletedUsers.add(id);
                                }
                            } catch (RuntimeException e) {
                                return;
                            }
                        }
                    });
                }
                await().until(() -> n.get() >= 150);
                child.kill();
                writing.set(false);
            }
            try (ChildService restarted = ChildService.start(UserServiceMain.class.getName(), data,
                    settings.toArray(String[]::new))) {
                List<Long> committed = org.opsconsole.service.kit.EventReaders.listAll(restarted.baseUri());
                Set<String> published = ConcurrentHashMap.newKeySet();
                await().atMost(PATIENCE).until(() -> {
                    GetResponse message;
                    while ((message = channel.basicGet(queue, true)) != null) {
                        published.add(message.getProps().getMessageId());
                    }
                    return committed.stream().allMatch(id -> published.contains("users:" + id));
                });
            }
            // each deletion reached the consumer of this orders service once: it cancelled nothing (no orders),
            // but recorded every deletion's event exactly once as its offset moved past all of them
            assertThat(deletedUsers).isNotEmpty();
        }
    }

    @Test
    void aTrailingSlashMeansTheDefaultVirtualHostAndARefusalIsToldInTheBrokersWords() throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel();
             RunningService slash = UserService.start(TestDatabases.fresh("users").withBrokerUrl(rabbit.url() + "/"));
             RunningService wrongPassword = UserService.start(TestDatabases.fresh("users")
                     .withBrokerUrl(rabbit.url().replace("guest:guest@", "guest:not-the-password@")));
             RunningService unknownHost = UserService.start(TestDatabases.fresh("users")
                     .withBrokerUrl(rabbit.url() + "/no-such-vhost"))) {
            String queue = watch(channel, "user.created");
            for (RunningService service : List.of(slash, wrongPassword, unknownHost)) {
                TestClient api = new TestClient(service.baseUri());
                assertThat(api.post("/users", "{\"name\":\"Slash\",\"email\":\"slash@example.com\"}").status()).isEqualTo(201);
            }

            // the one event that arrives is the one sent through amqp://...:port/
            assertThat(receive(channel, queue, 1).getFirst().getProps().getMessageId()).startsWith("users:");
            assertThat(health(slash)).doesNotContain("broker");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(health(wrongPassword))
                    .contains("refused the login").contains("guest:***@").doesNotContain("not-the-password"));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(health(unknownHost))
                    .contains("refused the connection").contains("no-such-vhost"));
        }
    }

    private static String health(RunningService service) {
        return new TestClient(service.baseUri()).get("/observe/health").body();
    }

    private static Connection connect() throws Exception {
        return connect(rabbit);
    }

    private static Connection connect(RabbitMqServer broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.url());
        return factory.newConnection("test-watcher");
    }

    /** A queue of this test's own, bound to the events exchange with {@code key}; answers its name. */
    private static String watch(Channel channel, String key) throws Exception {
        channel.exchangeDeclare("opsconsole.events", "topic", true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "opsconsole.events", key);
        return queue;
    }

    private static List<GetResponse> receive(Channel channel, String queue, int count) {
        List<GetResponse> messages = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            GetResponse message;
            while (messages.size() < count && (message = channel.basicGet(queue, true)) != null) {
                messages.add(message);
            }
            return messages.size() >= count;
        });
        return messages;
    }

    private static long createOrder(TestClient orderApi, long userId) {
        TestClient.Response res = orderApi.post("/orders", "{\"userId\":" + userId + ",\"items\":" + ITEMS + "}");
        assertThat(res.status()).as(res.body()).isEqualTo(201);
        return res.json().get("id").asLong();
    }

    private static String status(TestClient orderApi, long id) {
        return orderApi.get("/orders/" + id).json().get("status").asText();
    }

    /** How many times the orders service moved these orders to CANCELLED, from its own events. */
    private static long cancellations(TestClient orderApi, List<Long> ids) {
        long count = 0;
        for (JsonNode event : orderApi.get("/events?tail=1000&limit=1000").json().get("items")) {
            if (event.get("type").asText().equals("order.status-changed") && ids.contains(event.get("subjectId").asLong())
                    && event.get("data").get("to").asText().equals("CANCELLED")) {
                count++;
            }
        }
        return count;
    }

    private static long offset(RunningService service) {
        return ServiceMetricsReader.consumerOffset(service.baseUri());
    }
}
