package org.opsconsole.service.order;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceStartException;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.user.UserService;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenTest {

    private static final String USER = "{\"name\":\"T\",\"email\":\"t@example.com\"}";

    @Test
    void withATokenEveryChangeNeedsTheBearerAndReadsStayOpen() {
        try (RunningService users = UserService.start(ServiceConfig.inMemory().withApiToken("s3cret-token"))) {
            TestClient client = new TestClient(users.baseUri());

            assertThat(client.post("/users", USER).status()).isEqualTo(401);
            assertThat(client.post("/users", USER, "Authorization", "Bearer wrong").status()).isEqualTo(401);
            assertThat(client.get("/users").json().get("total").asLong()).isZero();

            TestClient.Response ok = client.post("/users", USER, "Authorization", "Bearer s3cret-token");
            assertThat(ok.status()).isEqualTo(201);
            assertThat(client.delete("/users/" + ok.json().get("id").asLong()).status()).isEqualTo(401);
            assertThat(client.get("/users").json().get("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() {
        assertThatThrownBy(() -> UserService.start(ServiceConfig.inMemory().withHost("0.0.0.0")))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("API token");
    }

    @Test
    void aPortInUseIsReportedInWords() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> UserService.start(ServiceConfig.inMemory().withPort(taken.getLocalPort())))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use by another program");
        }
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsReportedInWords(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        try (ChildService other = ChildService.start(org.opsconsole.service.user.UserServiceMain.class.getName(), data)) {
            assertThat(new TestClient(other.baseUri()).get("/observe/health").status()).isEqualTo(200);
            assertThatThrownBy(() -> UserService.start(ServiceConfig.inMemory().withDataDir(data)))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("locked by another program");
        }
    }

    @Test
    void stopThenStartWorksOnTheSameDataAndReleasesThePort(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        RunningService first = UserService.start(ServiceConfig.inMemory().withDataDir(data));
        int port = first.port();
        new TestClient(first.baseUri()).post("/users", USER);
        first.stop();
        first.stop();
        try (RunningService again = UserService.start(ServiceConfig.inMemory().withDataDir(data).withPort(port))) {
            assertThat(new TestClient(again.baseUri()).get("/users").json().get("total").asLong()).isEqualTo(1);
        }
    }
}
