package org.opsconsole.service.order;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceStartException;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserService;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenTest {

    private static final String USER = "{\"name\":\"T\",\"email\":\"t@example.com\"}";

    @Test
    void withATokenEveryChangeNeedsTheBearerAndReadsStayOpen() {
        try (RunningService users = UserService.start(TestDatabases.fresh("users").withApiToken("s3cret-token"))) {
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
        assertThatThrownBy(() -> UserService.start(TestDatabases.fresh("users").withHost("0.0.0.0")))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("API token");
    }

    @Test
    @org.opsconsole.service.kit.AllowsSevereLog("io.helidon.webserver.LoomServer")
    void aPortInUseIsReportedInWords() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> UserService.start(TestDatabases.fresh("users").withPort(taken.getLocalPort())))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use by another program");
        }
    }

    @Test
    void aDatabaseLockedByAnotherProgramIsReportedInWords(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabases.postgres(), "an H2 file is locked to its process");
        try (ChildService other = ChildService.start(org.opsconsole.service.user.UserServiceMain.class.getName(), data)) {
            assertThat(new TestClient(other.baseUri()).get("/observe/health").status()).isEqualTo(200);
            assertThatThrownBy(() -> UserService.start(TestDatabases.persistent("users", data)))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("locked by another program");
        }
    }

    @Test
    void stopThenStartWorksOnTheSameDataAndReleasesThePort(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        ServiceConfig config = TestDatabases.persistent("users", data);
        RunningService first = UserService.start(config);
        int port = first.port();
        new TestClient(first.baseUri()).post("/users", USER);
        first.stop();
        first.stop();
        try (RunningService again = UserService.start(config.withPort(port))) {
            assertThat(new TestClient(again.baseUri()).get("/users").json().get("total").asLong()).isEqualTo(1);
        }
    }
}
