package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.ServeProcess;
import org.opsconsole.console.api.OrdersApi;
import org.opsconsole.console.api.UsersApi;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.session.AddedService;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.session.DataFolders;
import org.opsconsole.console.ui.services.ServiceCard;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.User;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console watching {@code opsconsole serve} running in another process, with an API token:
 * attached by option and by "Add service...", its data edited through the window (the token sent),
 * an instance killed with {@code kill -9}, a wrong token said in words, an added service remembered
 * across starts and removed.
 */
@ExtendWith(ApplicationExtension.class)
class ServeChildProcessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TOKEN = "child-process-token";
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    Path folder;
    private Stage stage;
    private ConsoleHarness console;
    private final List<ServeProcess> serves = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @BeforeEach
    void noConsoleYet() {
        console = null;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.close();
        }
        serves.forEach(ServeProcess::close);
    }

    @Test
    void attachedByOptionItsMetricsArriveAndItsUsersAndOrdersAreEditedWithTheToken(FxRobot robot) throws Exception {
        ServeProcess serve = serve("a", TOKEN);
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withAttached(
                Map.of("users", List.of(serve.users()), "orders", List.of(serve.orders())), TOKEN));
        awaitText("state-users", "RUNNING");
        awaitText("state-orders", "RUNNING");
        MetricsHistory history = console.session.metrics().history();
        await().atMost(PATIENCE).until(() -> !Double.isNaN(history.latest(new SeriesKey("users", Metric.LIVE_THREADS)))
                && !Double.isNaN(history.latest(new SeriesKey("orders", Metric.LIVE_THREADS))));

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        User grace = createUser(robot, serve.users(), "Grace Hopper", "grace@example.com");
        robot.clickOn("Grace Hopper");
        robot.clickOn("#users-edit");
        replace(robot, "#user-name", "Grace B. Hopper");
        robot.clickOn("#user-dialog-save");
        UsersApi users = new UsersApi(HTTP, serve.users(), TOKEN);
        await().atMost(PATIENCE).until(() -> users.get(grace.id()).name().equals("Grace B. Hopper"));

        Order order = createAndPayOrder(robot, serve.orders(), grace.id());
        assertThat(order.total()).isEqualByComparingTo("25.00");
    }

    @Test
    void addedByTheDialogRememberedAcrossStartsAndRemoved(FxRobot robot) throws Exception {
        ServeProcess serve = serve("b", TOKEN);
        DataFolders data = new DataFolders(folder.resolve("console"));
        ConsoleOptions options = ConsoleOptions.forTests().withFolders(data);
        console = ConsoleHarness.open(stage, options);
        String name = AddedService.defaultName("users", serve.users());
        String id = ServiceCard.idOf(name);

        robot.clickOn("#add-service");
        robot.clickOn("#add-service-ok");
        awaitText("add-service-error", "URL");   // nothing typed: said, and the dialog stays open
        robot.clickOn("#add-service-url").write("ftp://nowhere");
        robot.clickOn("#add-service-ok");
        awaitText("add-service-error", "not an http:// or https:// URL");
        replace(robot, "#add-service-url", serve.users().toString());
        robot.clickOn("#add-service-token").write(TOKEN);
        awaitText("add-service-token-note", "readable only by you");
        robot.clickOn("#add-service-ok");

        awaitText("instances-" + id, serve.users() + " reachable");
        awaitText("services-message", "Watching " + name);
        assertThat(console.text("services-message")).contains("tokens.properties").contains("readable only by you");
        assertThat(console.text("title-" + id)).isEqualTo(name);
        assertThat(robot.lookup("#card-users").tryQuery()).as("the console's own users service stays").isPresent();
        Path list = data.root().resolve("added-services.json");
        Path tokens = data.root().resolve("tokens.properties");
        assertThat(Files.readString(list)).contains(serve.users().toString()).doesNotContain(TOKEN);
        assertThat(Files.readString(tokens)).contains(TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
        MetricsHistory history = console.session.metrics().history();
        await().atMost(PATIENCE).until(() -> !Double.isNaN(history.latest(new SeriesKey(name, Metric.LIVE_THREADS))));

        console.close();
        console = ConsoleHarness.open(stage, options);
        awaitText("instances-" + id, serve.users() + " reachable");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        choose(robot, "#data-users-service", name);
        createUser(robot, serve.users(), "Barbara Liskov", "barbara@example.com");   // the remembered token is sent

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        robot.moveTo("#card-users").scroll(20, javafx.geometry.VerticalDirection.DOWN);   // the added card may be below the fold
        robot.clickOn("#remove-" + id);
        robot.clickOn("#remove-service-ok");
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#card-" + id).tryQuery().isEmpty();
        });
        awaitText("services-message", "Removed " + name);
        assertThat(Files.readString(list)).doesNotContain(serve.users().toString());
        assertThat(Files.readString(tokens)).doesNotContain(TOKEN);
        assertThat(new UsersApi(HTTP, serve.users(), TOKEN).list("barbara@example.com", null, 10, 0).items())
                .as("removing stops watching; the service and its data stay").hasSize(1);
    }

    @Test
    void aWrongTokenGivenInTheDialogIsSaidInWords(FxRobot robot) throws Exception {
        ServeProcess serve = serve("c", TOKEN);
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        robot.clickOn("#add-service");
        robot.clickOn("#add-service-url").write(serve.users().toString());
        robot.clickOn("#add-service-name").write("staging users");
        robot.clickOn("#add-service-token").write("not-the-token");
        robot.clickOn("#add-service-ok");
        awaitText("instances-staging-users", "reachable");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        choose(robot, "#data-users-service", "staging users");
        robot.clickOn("#users-add");
        robot.clickOn("#user-name").write("Mallory");
        robot.clickOn("#user-email").write("mallory@example.com");
        robot.clickOn("#user-dialog-save");
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText() != null && l.getText().contains("The users service at " + serve.users())
                            && l.getText().contains("refused the API token"));
        });
        assertThat(new UsersApi(HTTP, serve.users(), TOKEN).list("mallory@example.com", null, 10, 0).items()).isEmpty();
    }

    @Test
    void oneOfTwoInstancesKilledIsShownUnreachableWhileTheOthersChartsGoOn(FxRobot robot) throws Exception {
        ServeProcess first = serve("d1", TOKEN);
        ServeProcess second = serve("d2", TOKEN);
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withAttached(
                Map.of("users", List.of(first.users(), second.users())), TOKEN));
        awaitText("instances-users", second.users() + " reachable");
        SeriesKey firstThreads = new SeriesKey(ConsoleSession.instanceSeries("users", first.users()), Metric.LIVE_THREADS);
        SeriesKey secondThreads = new SeriesKey(ConsoleSession.instanceSeries("users", second.users()), Metric.LIVE_THREADS);
        SeriesKey totalThreads = new SeriesKey("users", Metric.LIVE_THREADS);
        MetricsHistory history = console.session.metrics().history();
        await().atMost(PATIENCE).until(() -> !Double.isNaN(history.latest(firstThreads)) && !Double.isNaN(history.latest(secondThreads)));
        await().atMost(PATIENCE).until(() -> history.latest(totalThreads) > history.latest(firstThreads));

        second.kill();
        awaitText("instances-users", second.users() + " unreachable");
        assertThat(console.text("instances-users")).contains(first.users() + " reachable");
        assertThat(console.text("state-users")).isEqualTo("RUNNING");
        await().atMost(PATIENCE).until(() -> Double.isNaN(history.latest(secondThreads)));
        int rows = history.size();
        await().atMost(PATIENCE).until(() -> history.size() > rows + 1);
        assertThat(history.latest(firstThreads)).as("the live instance's chart goes on").isPositive();
        assertThat(history.latest(totalThreads)).as("and so does the total").isEqualTo(history.latest(firstThreads));
    }

    private ServeProcess serve(String name, String token) throws Exception {
        ServeProcess serve = ServeProcess.start(folder.resolve(name), token);
        serves.add(serve);
        return serve;
    }

    private User createUser(FxRobot robot, URI service, String name, String email) {
        robot.clickOn("#data-tab-users");
        robot.clickOn("#users-add");
        robot.clickOn("#user-name").write(name);
        robot.clickOn("#user-email").write(email);
        robot.clickOn("#user-dialog-save");
        UsersApi users = new UsersApi(HTTP, service, TOKEN);
        await().atMost(PATIENCE).until(() -> users.list(email, null, 10, 0).items().size() == 1);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l && name.equals(l.getText()))
                    .tryQuery().isPresent();
        });
        return users.list(email, null, 10, 0).items().getFirst();
    }

    private Order createAndPayOrder(FxRobot robot, URI service, long userId) {
        robot.clickOn("#data-tab-orders");
        robot.clickOn("#orders-add");
        robot.clickOn("#order-user").write(Long.toString(userId));
        robot.clickOn("#order-sku-0").write("BOOK-1");
        robot.clickOn("#order-quantity-0").write("2");
        robot.clickOn("#order-price-0").write("12.50");
        robot.clickOn("#order-dialog-create");
        OrdersApi orders = new OrdersApi(HTTP, service, TOKEN);
        await().atMost(PATIENCE).until(() -> orders.list(userId, null, null, 10, 0).total() == 1);
        Order created = orders.list(userId, null, null, 10, 0).items().getFirst();
        @SuppressWarnings("unchecked")
        TableView<Order> table = robot.lookup("#orders-table").queryAs(TableView.class);
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return table.getItems().stream().anyMatch(o -> o.id() == created.id());
        });
        robot.clickOn(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().contains("BOOK-1")).queryAs(Node.class));
        await().atMost(PATIENCE).until(() -> robot.lookup("#order-move-PAID").tryQuery().isPresent());
        robot.clickOn("#order-move-PAID");
        await().atMost(PATIENCE).until(() -> orders.get(created.id()).status() == OrderStatus.PAID);
        return orders.get(created.id());
    }

    /** Picks {@code item} in a choice box the way a user does: open it, click the item. */
    private static void choose(FxRobot robot, String box, String item) {
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup(box).queryAs(ChoiceBox.class).getItems().contains(item);
        });
        robot.clickOn(box);
        robot.clickOn(robot.lookup(".context-menu .label").match(n -> n instanceof Label l && item.equals(l.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(box).queryAs(ChoiceBox.class).getValue()).isEqualTo(item);
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
    }

    private void awaitText(String id, String part) {
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return textOf(id).contains(part);
        });
    }

    /** A label's text in the main window or in an open dialog. */
    private String textOf(String id) {
        for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
            if (window.getScene() != null && window.getScene().lookup("#" + id) instanceof Label label && label.getText() != null) {
                return label.getText();
            }
        }
        return "";
    }
}
