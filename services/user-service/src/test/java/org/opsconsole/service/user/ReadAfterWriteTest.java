package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads hammering a user while it changes never leave an old version behind. */
class ReadAfterWriteTest {

    @Test
    void afterEveryWriteAReadSeesIt() throws Exception {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"));
             ExecutorService readers = Executors.newFixedThreadPool(4)) {
            TestClient client = new TestClient(service.baseUri());
            long id = client.post("/users", "{\"name\":\"v0\",\"email\":\"rw@example.com\"}").json().get("id").asLong();
            AtomicBoolean reading = new AtomicBoolean(true);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                running.add(readers.submit(() -> {
                    while (reading.get()) {
                        client.get("/users/" + id);
                    }
                }));
            }
            for (int v = 1; v <= 60; v++) {
                assertThat(client.put("/users/" + id, "{\"name\":\"v" + v + "\",\"email\":\"rw@example.com\"}").status())
                        .isEqualTo(200);
                assertThat(client.get("/users/" + id).json().get("name").asText()).isEqualTo("v" + v);
            }
            reading.set(false);
            for (Future<?> f : running) {
                f.get();
            }
            assertThat(client.get("/users/" + id).json().get("version").asLong()).isEqualTo(61);
            assertThat(client.delete("/users/" + id).status()).isEqualTo(204);
            assertThat(client.get("/users/" + id).status()).isEqualTo(404);
        }
    }
}
