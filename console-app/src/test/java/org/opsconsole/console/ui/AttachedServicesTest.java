package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.api.UsersApi;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.model.User;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console attached to services it did not start, which want an API token: it watches them,
 * edits their data with the token, can't start or stop them and says so, and says a refused token
 * and an unreachable instance in words. Everything through the window.
 */
@ExtendWith(ApplicationExtension.class)
class AttachedServicesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = "s3cret-token";
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    private Stage stage;
    private ConsoleHarness console;
    private final List<RunningService> elsewhere = new ArrayList<>();
    private RunningService users;
    private RunningService orders;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @BeforeEach
    void servicesRunElsewhere() {
        users = run(UserService.start(ServiceConfig.inMemory().withApiToken(TOKEN)));
        orders = run(OrderService.start(ServiceConfig.inMemory().withApiToken(TOKEN).withUserServiceUrl(users.baseUri())));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.close();
        }
        elsewhere.forEach(RunningService::close);
    }

    @Test
    void watchesServicesItDidNotStartAndEditsTheirDataWithTheToken(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, attached(Map.of("users", List.of(users.baseUri()),
                "orders", List.of(orders.baseUri())), TOKEN));
        awaitText("state-users", "RUNNING");
        awaitText("state-orders", "RUNNING");
        assertThat(console.text("instances-users")).isEqualTo(users.baseUri() + " reachable");
        assertThat(console.text("control-note-users")).contains("runs elsewhere").contains(users.baseUri().toString());
        assertThat(robot.lookup("#start-users").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#stop-users").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#restart-users").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#start-all").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(console.text("services-hint")).contains("run elsewhere").contains("leaves them running");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        robot.clickOn("#users-add");
        robot.clickOn("#user-name").write("Grace Hopper");
        robot.clickOn("#user-email").write("grace@example.com");
        robot.clickOn("#user-dialog-save");
        UsersApi direct = new UsersApi(HTTP, users.baseUri(), TOKEN);
        await().atMost(PATIENCE).until(() -> !direct.list("grace@example.com", null, 10, 0).items().isEmpty());
        assertThat(direct.list("grace@example.com", null, 10, 0).items()).extracting(User::name).containsExactly("Grace Hopper");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT6);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<org.opsconsole.model.ServiceEvent> events =
                robot.lookup("#events-table").queryAs(javafx.scene.control.TableView.class);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return events.getItems().stream().anyMatch(e -> e.type().equals("user.created") && e.service().equals("users"));
        });

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        awaitText("log-placeholder", "not available");
        assertThat(users.isHealthy()).as("the console never stops a service it did not start").isTrue();
    }

    @Test
    void aRefusedTokenIsSaidInWords(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, attached(Map.of("users", List.of(users.baseUri()),
                "orders", List.of(orders.baseUri())), "wrong-token"));
        awaitText("state-users", "RUNNING");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        robot.clickOn("#users-add");
        robot.clickOn("#user-name").write("Mallory");
        robot.clickOn("#user-email").write("mallory@example.com");
        robot.clickOn("#user-dialog-save");
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                    .anyMatch(l -> l.getText() != null && l.getText().contains("The users service at " + users.baseUri())
                            && l.getText().contains("refused the API token"));
        });
        assertThat(new UsersApi(HTTP, users.baseUri(), TOKEN).list("mallory@example.com", null, 10, 0).items()).isEmpty();
    }

    private ConsoleOptions attached(Map<String, List<URI>> services, String token) {
        return ConsoleOptions.forTests().withAttached(services, token);
    }

    private RunningService run(RunningService service) {
        elsewhere.add(service);
        return service;
    }

    private void awaitText(String id, String part) {
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text(id).contains(part);
        });
    }
}
