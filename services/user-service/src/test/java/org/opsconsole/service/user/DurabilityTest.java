package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.UserWriters;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write acknowledged with a 2xx survives kill -9 of the process right after the answer. */
class DurabilityTest {

    @Test
    void acknowledgedUsersSurviveKillMinusNine(@TempDir Path data) throws Exception {
        ServiceConfig config = TestDatabases.persistent("users", data);
        List<Long> acknowledged;
        try (ChildService child = ChildService.start(UserServiceMain.class.getName(), data,
                TestDatabases.childSettings(config))) {
            UserWriters writers = UserWriters.start(child.baseUri(), 8, "d").awaitAcknowledged(400);
            child.kill();
            acknowledged = writers.stop();
        }

        try (RunningService reopened = UserService.start(config)) {
            TestClient client = new TestClient(reopened.baseUri());
            for (long id : acknowledged) {
                assertThat(client.get("/users/" + id).status()).as("user " + id + " was acknowledged").isEqualTo(200);
            }
        }
    }
}
