package org.opsconsole.service.kit;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;

/**
 * Clients creating users at a service until it goes away (a kill -9, say), keeping the id of every
 * creation the service acknowledged with 201; and clients racing to create one email at once.
 */
public final class UserWriters implements AutoCloseable {

    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    private final ExecutorService pool;

    private UserWriters(URI service, int clients, String prefix) {
        pool = Executors.newFixedThreadPool(clients);
        TestClient client = new TestClient(service);
        for (int w = 0; w < clients; w++) {
            pool.submit(() -> {
                while (writing.get()) {
                    int n = sequence.incrementAndGet();
                    try {
                        TestClient.Response res = client.post("/users",
                                "{\"name\":\"Writer " + n + "\",\"email\":\"" + prefix + n + "@example.com\"}");
                        if (res.status() == 201) {
                            acknowledged.add(res.json().get("id").asLong());
                        }
                    } catch (RuntimeException e) {
                        return; // the service is gone: this write was never acknowledged
                    }
                }
            });
        }
    }

    /** Starts {@code clients} writers against {@code service}; emails start with {@code prefix}. */
    public static UserWriters start(URI service, int clients, String prefix) {
        return new UserWriters(service, clients, prefix);
    }

    /** Waits until at least {@code count} creations were acknowledged. */
    public UserWriters awaitAcknowledged(int count) {
        await().until(() -> acknowledged.size() >= count);
        return this;
    }

    /** Stops writing; answers the ids acknowledged so far. */
    public List<Long> stop() {
        writing.set(false);
        pool.close();
        return List.copyOf(acknowledged);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * {@code racers} clients post one email at once (alternating its case), racer {@code i} through
     * {@code clientOf.apply(i)}; answers their statuses.
     */
    public static List<Integer> raceForOneEmail(int racers, IntFunction<TestClient> clientOf) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService racing = Executors.newFixedThreadPool(racers)) {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                TestClient client = clientOf.apply(i);
                String body = "{\"name\":\"Racer " + i + "\",\"email\":\"" + (i % 2 == 0 ? "race" : "RACE")
                        + "@Example.com\"}";
                answers.add(racing.submit(() -> {
                    go.await();
                    return client.post("/users", body).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        }
    }
}
