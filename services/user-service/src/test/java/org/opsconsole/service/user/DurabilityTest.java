package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every write acknowledged with a 2xx survives kill -9 of the process right after the answer. */
class DurabilityTest {

    @Test
    void acknowledgedUsersSurviveKillMinusNine(@TempDir Path data) throws Exception {
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ServiceConfig config = TestDatabases.persistent("users", data);
        try (ChildService child = ChildService.start(UserServiceMain.class.getName(), data,
                TestDatabases.childSettings(config));
             ExecutorService writers = Executors.newFixedThreadPool(8)) {
            TestClient client = new TestClient(child.baseUri());
            for (int w = 0; w < 8; w++) {
                writers.submit(() -> {
                    while (writing.get()) {
                        int n = sequence.incrementAndGet();
                        try {
                            TestClient.Response res = client.post("/users",
                                    "{\"name\":\"Durable " + n + "\",\"email\":\"d" + n + "@example.com\"}");
                            if (res.status() == 201) {
                                acknowledged.add(res.json().get("id").asLong());
                            }
                        } catch (RuntimeException e) {
                            return; // the process is gone: this write was never acknowledged
                        }
                    }
                });
            }
            await().until(() -> acknowledged.size() >= 400);
            child.kill();
            writing.set(false);
        }

        try (RunningService reopened = UserService.start(config)) {
            TestClient client = new TestClient(reopened.baseUri());
            for (long id : List.copyOf(acknowledged)) {
                assertThat(client.get("/users/" + id).status()).as("user " + id + " was acknowledged").isEqualTo(200);
            }
        }
    }
}
