package org.opsconsole.console.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.DataFolders;
import org.opsconsole.console.logs.LogEntry;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.console.ui.metrics.MetricsChart;
import org.opsconsole.model.ServiceEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Drives the real console window, headless, with services on free ports. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Stage stage;
    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private void awaitState(String service, ServiceState state) {
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return state.name().equals(console.text("state-" + service));
        });
    }

    @Test
    void startStopAndRestartByClicking(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        assertThat(console.text("state-users")).isEqualTo("STOPPED");

        robot.clickOn("#start-users");
        awaitState("users", ServiceState.RUNNING);
        URI first = console.url("users");
        assertThat(ConsoleHarness.get(first.resolve("/observe/health"))).isEqualTo(200);
        assertThat(robot.lookup("#url-users").queryTextInputControl().getText()).isEqualTo(first.toString());
        assertThat(console.text("health-users")).isEqualTo("healthy");

        robot.clickOn("#stop-users");
        awaitState("users", ServiceState.STOPPED);
        assertThatThrownBy(() -> ConsoleHarness.get(first.resolve("/observe/health"))).isInstanceOf(IOException.class);

        for (int i = 0; i < 2; i++) {
            robot.clickOn("#start-users");
            awaitState("users", ServiceState.RUNNING);
            assertThat(ConsoleHarness.get(console.url("users").resolve("/observe/health"))).isEqualTo(200);
            robot.clickOn("#stop-users");
            awaitState("users", ServiceState.STOPPED);
        }

        robot.clickOn("#start-users");
        awaitState("users", ServiceState.RUNNING);
        assertThat(console.url("users")).as("started again, it keeps the port it got the first time").isEqualTo(first);
        URI beforeRestart = console.url("users");
        long started = runningLines();
        robot.clickOn("#restart-users");
        await().atMost(PATIENCE).until(() -> runningLines() > started);
        awaitState("users", ServiceState.RUNNING);
        assertThat(console.url("users")).as("restarted, it keeps its URL").isEqualTo(beforeRestart);
        assertThat(ConsoleHarness.get(console.url("users").resolve("/observe/health"))).isEqualTo(200);
        assertThat(console.text("state-orders")).as("the other service is not touched").isEqualTo("STOPPED");
    }

    @Test
    void theLoadFormAssumesNoDefaultPortForServicesOnFreePortsUntilTheyRun(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#load-users-url").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#load-orders-url").queryTextInputControl().getText()).isEmpty();
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        robot.clickOn("#start-users");
        awaitState("users", ServiceState.RUNNING);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.url("users").toString().startsWith(robot.lookup("#load-users-url").queryTextInputControl().getText())
                    && !robot.lookup("#load-users-url").queryTextInputControl().getText().isEmpty();
        });
    }

    @Test
    void afterTheUsersServiceRestartsOnAFreePortTheOrdersServiceStillReachesIt(FxRobot robot, @TempDir Path data) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withFolders(new DataFolders(data)));
        robot.clickOn("#start-all");
        awaitState("users", ServiceState.RUNNING);
        awaitState("orders", ServiceState.RUNNING);
        assertThat(ConsoleHarness.post(console.url("users").resolve("/users"), "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}"))
                .isEqualTo(201);
        long restartsSeen = runningLines();
        robot.clickOn("#restart-users");
        await().atMost(PATIENCE).until(() -> runningLines() > restartsSeen);
        awaitState("users", ServiceState.RUNNING);
        assertThat(ConsoleHarness.post(console.url("orders").resolve("/orders"),
                "{\"userId\":1,\"items\":[{\"sku\":\"A-1\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}"))
                .as("a new order still finds its user").isEqualTo(201);
    }

    @Test
    void theOrdersCardSaysWhileItCannotReachTheUsersServiceAndClearsOnceItCan(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        robot.clickOn("#start-all");
        awaitState("users", ServiceState.RUNNING);
        awaitState("orders", ServiceState.RUNNING);
        URI users = console.url("users");
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text("health-orders").equals("healthy");
        });
        assertThat(robot.lookup("#warning-orders").query().isVisible()).isFalse();

        robot.clickOn("#stop-users");
        awaitState("users", ServiceState.STOPPED);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text("health-orders").equals("degraded");
        });
        assertThat(console.text("warning-orders")).startsWith("Degraded: the user service at " + users)
                .contains("unreachable").contains("new orders are refused");
        assertThat(robot.lookup("#warning-orders").query().isVisible()).isTrue();
        assertThat(console.text("state-orders")).as("still running: it lists and moves orders").isEqualTo("RUNNING");

        robot.clickOn("#start-users");
        awaitState("users", ServiceState.RUNNING);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text("health-orders").equals("healthy") && !robot.lookup("#warning-orders").query().isVisible();
        });
    }

    private long runningLines() {
        return console.session.log("users").lines().all().stream().filter(e -> e.message().contains("is running at")).count();
    }

    @Test
    void aTakenPortShowsFailedWithTheReasonAndTheOtherServiceKeepsRunning(FxRobot robot) throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int taken = squatter.getLocalPort();
            console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withPorts(0, taken));
            robot.clickOn("#start-all");
            awaitState("orders", ServiceState.FAILED);
            awaitState("users", ServiceState.RUNNING);
            assertThat(console.text("reason-orders")).contains("port " + taken).contains("in use");
            assertThat(robot.lookup("#reason-orders").query().isVisible()).isTrue();
            assertThat(ConsoleHarness.get(console.url("users").resolve("/observe/health"))).isEqualTo(200);
            assertThat(robot.lookup("#start-orders").query().isDisabled()).isFalse();
        }
        // the other program went away: Start now works
        robot.clickOn("#start-orders");
        awaitState("orders", ServiceState.RUNNING);
        assertThat(console.text("reason-orders")).isEmpty();
    }

    @Test
    void chartsReceivePointsAfterTraffic(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withAutoStart(true));
        awaitState("users", ServiceState.RUNNING);
        awaitState("orders", ServiceState.RUNNING);
        robot.clickOn("#nav-metrics");
        MetricsChart requests = robot.lookup("#chart-requests").query().getParent() instanceof MetricsChart c ? c : null;
        assertThat(requests).isNotNull();

        URI users = console.url("users");
        await().atMost(PATIENCE).until(() -> {
            for (int i = 0; i < 20; i++) {
                ConsoleHarness.get(users.resolve("/users?limit=5"));
            }
            WaitForAsyncUtils.waitForFxEvents();
            return console.session.metrics().history().latest(
                    new org.opsconsole.console.metrics.SeriesKey("users", org.opsconsole.console.metrics.Metric.REQUESTS_PER_SECOND)) > 0
                    && WaitForAsyncUtils.asyncFx(requests::valuedPoints).get() > 0;
        });
        // the legend takes the latest value with the next tick the chart shows
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(WaitForAsyncUtils.asyncFx(requests::legendText).get()).containsPattern("users  [0-9]"));
        MetricsChart threads = (MetricsChart) robot.lookup("#chart-threads").query().getParent();
        assertThat(WaitForAsyncUtils.asyncFx(threads::valuedPoints).get()).isPositive();
        // both services run in this process: one line for it, not two copies of the same JVM
        assertThat(WaitForAsyncUtils.asyncFx(threads::legendText).get()).startsWith("console JVM").doesNotContain("orders");
    }

    @Test
    void switchesThemeAndRemembersIt(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        assertThat(console.window.theme()).isEqualTo(Theme.LIGHT);
        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.window.theme()).isEqualTo(Theme.DARK);
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("theme-dark");
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-dark");
        assertThat(console.preferences.theme()).isEqualTo(Theme.DARK);

        robot.push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.window.theme()).isEqualTo(Theme.LIGHT);
        assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");
    }

    @Test
    void keyboardShortcutsOpenScreensAndTheLastOneIsRemembered(FxRobot robot) throws Exception {
        ConsolePreferences preferences = ConsoleHarness.freshPreferences();
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests(), preferences);
        assertThat(console.window.selected()).isEqualTo(Screen.SERVICES);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        assertThat(console.window.selected()).isEqualTo(Screen.METRICS);
        assertThat(robot.lookup("#screen-metrics").tryQuery()).isPresent();
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        assertThat(robot.lookup("#screen-data").queryAs(javafx.scene.layout.VBox.class).getChildren().toString()).contains("data-tabs");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        assertThat(console.window.selected()).isEqualTo(Screen.LOGS);

        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(900)).get();
        WaitForAsyncUtils.asyncFx(() -> console.window.close()).get();
        await().atMost(PATIENCE).untilTrue(console.exited);
        assertThat(preferences.lastScreen()).isEqualTo(Screen.LOGS);
        assertThat(preferences.window(0, 0).width()).isEqualTo(900);

        ConsoleHarness.open(stage, ConsoleOptions.forTests(), preferences).session.close();
        assertThat(stage.getWidth()).isEqualTo(900);
    }

    @Test
    void closingTheWindowStopsBothServicesAndFreesTheirPorts() throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withAutoStart(true));
        awaitState("users", ServiceState.RUNNING);
        awaitState("orders", ServiceState.RUNNING);
        int users = console.url("users").getPort();
        int orders = console.url("orders").getPort();
        assertThat(ConsoleHarness.portIsFree(users)).isFalse();

        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))).get();

        await().atMost(PATIENCE).untilTrue(console.exited);
        assertThat(console.session.services().users().status().state()).isEqualTo(ServiceState.STOPPED);
        assertThat(console.session.services().orders().status().state()).isEqualTo(ServiceState.STOPPED);
        assertThat(ConsoleHarness.portIsFree(users)).isTrue();
        assertThat(ConsoleHarness.portIsFree(orders)).isTrue();
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void logsFollowTheServiceAcrossRestartsAndFilter(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        robot.clickOn("#start-users");
        awaitState("users", ServiceState.RUNNING);
        robot.clickOn("#restart-users");
        await().atMost(PATIENCE).until(() -> console.session.services().users().status().state() == ServiceState.RUNNING
                && console.session.log("users").lines().all().stream().filter(e -> e.message().contains("is running at")).count() == 2);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        @SuppressWarnings("unchecked")
        ListView<LogEntry> list = robot.lookup("#log-list").queryAs(ListView.class);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return list.getItems().stream().filter(e -> e.message().contains("is running at")).count() == 2;
        });

        robot.clickOn("#log-filter").write("stopped");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).isNotEmpty().allMatch(e -> e.message().contains("stopped"));
        robot.clickOn("#log-service-orders");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).isEmpty();
    }

    @Test
    void eventsOfBothServicesAppearInTheFeed(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withAutoStart(true));
        awaitState("users", ServiceState.RUNNING);
        awaitState("orders", ServiceState.RUNNING);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT6);
        @SuppressWarnings("unchecked")
        TableView<ServiceEvent> table = robot.lookup("#events-table").queryAs(TableView.class);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text("events-streams").contains("users: live") && console.text("events-streams").contains("orders: live");
        });
        assertThat(ConsoleHarness.post(console.url("users").resolve("/users"), "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}")).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return table.getItems().stream().anyMatch(e -> e.type().equals("user.created") && e.service().equals("users"));
        });
        // what the count covers is said: the feed is not the whole history
        assertThat(console.text("events-count")).contains(" events in the feed: each service's latest 200 when the console connected");

        // the whole event, as JSON: select it, Details…
        assertThat(robot.lookup("#events-details").queryButton().isDisabled()).isTrue();
        // the row is in the items before the table has drawn its cell: wait for the cell, as a user would
        java.util.function.Predicate<javafx.scene.Node> createdCell = n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && !c.isEmpty() && c.isVisible() && "user.created".equals(c.getText());
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".table-cell").match(createdCell).tryQuery().isPresent();
        });
        robot.clickOn(robot.lookup(".table-cell").match(createdCell).<javafx.scene.Node>query());
        robot.clickOn("#events-details");
        await().atMost(PATIENCE).until(() -> robot.lookup("#event-details-json").tryQuery().isPresent());
        String json = robot.lookup("#event-details-json").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(json).contains("\"type\" : \"user.created\"").contains("\"service\" : \"users\"")
                .contains("\"email\" : \"ann@example.com\"").contains("\"name\" : \"Ann\"");
        assertThat(json.lines().count()).as("indented, one field a line").isGreaterThan(8);
        robot.clickOn("#event-details-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get()).isEqualTo(json);
        robot.clickOn("#event-details-close");
        await().atMost(PATIENCE).until(() -> robot.lookup("#event-details-json").tryQuery().isEmpty());
    }

    @Test
    void theCardShowsTheDatabaseFilesSizeOnDisk(FxRobot robot, @TempDir Path data) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withFolders(new DataFolders(data)));
        robot.clickOn("#start-users");
        awaitState("users", ServiceState.RUNNING);
        Path file = data.resolve("users.mv.db");
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text("database-users").matches("file \\d+\\.\\d MB on disk");
        });
        double shown = Double.parseDouble(console.text("database-users").split(" ")[1]);
        assertThat(shown).isCloseTo(Files.size(file) / 1048576.0, within(1.0));
        assertThat(console.text("database-orders")).as("a stopped service has no figure").isEqualTo("-");
    }
}
