package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.UserWriters;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateEmailRaceTest {

    @Test
    void twentyClientsRacingForOneEmailGetOneCreatedAndNineteenConflicts() throws Exception {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            List<Integer> statuses = UserWriters.raceForOneEmail(20, i -> client);

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
            assertThat(client.get("/users?q=race@example.com").json().get("total").asLong()).isEqualTo(1);
        }
    }
}
