package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateEmailRaceTest {

    @Test
    void twentyClientsRacingForOneEmailGetOneCreatedAndNineteenConflicts() throws Exception {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"));
             ExecutorService pool = Executors.newFixedThreadPool(20)) {
            TestClient client = new TestClient(service.baseUri());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String email = i % 2 == 0 ? "race@example.com" : "RACE@Example.com";
                String body = "{\"name\":\"Racer " + i + "\",\"email\":\"" + email + "\"}";
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.post("/users", body).status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
            assertThat(client.get("/users?q=race@example.com").json().get("total").asLong()).isEqualTo(1);
        }
    }
}
