package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.api.ApiException;
import org.opsconsole.console.api.OrdersApi;
import org.opsconsole.console.api.UsersApi;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.console.ui.data.DataView;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderDraft;
import org.opsconsole.model.OrderItem;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.Page;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.opsconsole.console.ui.ShownInFull.shownText;

/**
 * The Data screen in the real console window against the real embedded services (in memory):
 * everything is done by clicking and typing, and checked over HTTP with a second client.
 */
@ExtendWith(ApplicationExtension.class)
class DataScreenTest {

    private static final Logger LOG = Logger.getLogger(DataScreenTest.class.getName());
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    private Stage stage;
    private ConsoleHarness console;
    private UsersApi users;
    private OrdersApi orders;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        console.session.services().startAll().get();
        await().atMost(WAIT).until(() -> console.session.services().users().status().state() == ServiceState.RUNNING
                && console.session.services().orders().status().state() == ServiceState.RUNNING);
        users = new UsersApi(HTTP, console.url("users"), null);
        orders = new OrdersApi(HTTP, console.url("orders"), null);
        WaitForAsyncUtils.asyncFx(() -> console.window.select(Screen.DATA)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void createsEditsAndDeletesAUserByClickingAndTyping(FxRobot robot) {
        robot.clickOn("#users-add");
        robot.clickOn("#user-name").write("Ada Lovelace");
        robot.clickOn("#user-email").write("ada@example.com");
        robot.clickOn("#user-dialog-save");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Ada Lovelace"));
        List<User> held = users.list("ada@example.com", null, 10, 0).items();
        assertThat(held).extracting(User::name, User::email).containsExactly(org.assertj.core.groups.Tuple.tuple("Ada Lovelace", "ada@example.com"));
        assertThat(robot.lookup("#users-message").queryAs(Label.class).getText()).contains("Added Ada Lovelace");

        robot.clickOn(cellContaining(robot, "Ada Lovelace"));
        robot.clickOn("#users-edit");
        replace(robot, "#user-name", "Ada King");
        robot.clickOn("#user-dialog-save");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Ada King"));
        User edited = users.get(held.getFirst().id());
        assertThat(edited.name()).isEqualTo("Ada King");
        assertThat(edited.email()).isEqualTo("ada@example.com");
        assertThat(edited.version()).isEqualTo(held.getFirst().version() + 1);

        // two open orders and one delivered: deleting says two will be cancelled
        Order first = orders.create(new OrderDraft(edited.id(), List.of(new OrderItem("A-1", 1, new BigDecimal("1.00")))));
        orders.create(new OrderDraft(edited.id(), List.of(new OrderItem("A-2", 1, new BigDecimal("2.00")))));
        Order done = orders.create(new OrderDraft(edited.id(), List.of(new OrderItem("A-3", 1, new BigDecimal("3.00")))));
        orders.changeStatus(first.id(), OrderStatus.PAID, null);
        done = orders.changeStatus(done.id(), OrderStatus.PAID, null);
        done = orders.changeStatus(done.id(), OrderStatus.SHIPPED, null);

        robot.clickOn(cellContaining(robot, "Ada King"));
        robot.clickOn("#users-delete");
        await().atMost(WAIT).until(() -> robot.lookup("#user-delete-confirm").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#user-delete-confirm").queryAs(DialogPane.class);
        assertThat(confirm.getContentText()).contains("2 open orders").contains("cancelled");
        robot.clickOn("#user-delete-ok");
        await().atMost(WAIT).until(() -> !rowsShown(robot).contains("Ada King"));
        ApiException gone = catchThrowableOfType(ApiException.class, () -> users.get(edited.id()));
        assertThat(gone.isNotFound()).isTrue();
        assertThat(users.list(null, null, 10, 0).total()).isZero();
    }

    @Test
    void showsTheServicesValidationMessagesAtTheirFields(FxRobot robot) throws Exception {
        users.create(new UserDraft("Grace Hopper", "grace@example.com"));
        robot.clickOn("#users-add");
        robot.clickOn("#user-email").write("not an email");
        robot.clickOn("#user-dialog-save");
        await().atMost(WAIT).until(() -> !text(robot, "#user-email-error").isEmpty());
        assertThat(text(robot, "#user-name-error")).isNotEmpty();
        writeScreenshot(robot.lookup("#user-name").query(), "console-data-user-dialog.png");
        LOG.info(() -> "validation shown: name '" + text(robot, "#user-name-error") + "', email '" + text(robot, "#user-email-error") + "'");

        robot.clickOn("#user-name").write("Grace Two");
        replace(robot, "#user-email", "GRACE@example.com");
        robot.clickOn("#user-dialog-save");
        await().atMost(WAIT).until(() -> text(robot, "#user-email-error").contains("already has the email"));
        assertThat(text(robot, "#user-name-error")).isEmpty();
        robot.clickOn("#user-dialog-cancel");
        assertThat(users.list(null, null, 10, 0).total()).isEqualTo(1);
    }

    @Test
    void explainsAVersionConflictAndOffersToReload(FxRobot robot) {
        User alan = users.create(new UserDraft("Alan Turing", "alan@example.com"));
        robot.clickOn("#users-refresh");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Alan Turing"));
        robot.clickOn(cellContaining(robot, "Alan Turing"));
        robot.clickOn("#users-edit");
        // a second client changes him while the dialog is open
        users.update(alan.id(), new UserDraft("Alan M. Turing", "alan@example.com"), alan.version());

        replace(robot, "#user-email", "turing@example.com");
        robot.clickOn("#user-dialog-save");
        await().atMost(WAIT).until(() -> text(robot, "#user-dialog-error").contains("Someone else changed this user"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#user-dialog-reload").query().isVisible()).isTrue();
        assertThat(users.get(alan.id()).email()).isEqualTo("alan@example.com");
        // the whole message, the whole Reload button, and Save and Cancel inside the dialog
        assertThat(shownText(robot.lookup("#user-dialog-error").query())).isEqualTo(text(robot, "#user-dialog-error"));
        assertThat(shownText(robot.lookup("#user-dialog-reload").query())).isEqualTo("Reload");
        assertInsideItsWindow(robot.lookup("#user-dialog-error").query());
        assertInsideItsWindow(robot.lookup("#user-dialog-reload").query());
        assertInsideItsWindow(robot.lookup("#user-dialog-save").query());
        assertInsideItsWindow(robot.lookup("#user-dialog-cancel").query());

        robot.clickOn("#user-dialog-reload");
        await().atMost(WAIT).until(() -> "Alan M. Turing".equals(field(robot, "#user-name")));
        assertThat(field(robot, "#user-email")).isEqualTo("alan@example.com");
        // the reload is news, not an error: said apart from the errors, not in red
        assertThat(text(robot, "#user-dialog-error")).isEmpty();
        assertThat(text(robot, "#user-dialog-note")).startsWith("Reloaded: these are the current values");
        Label reloaded = robot.lookup("#user-dialog-note").queryAs(Label.class);
        javafx.scene.paint.Color ink = (javafx.scene.paint.Color) reloaded.getTextFill();
        assertThat(ink.getRed() - Math.max(ink.getGreen(), ink.getBlue())).as("not red: " + ink).isLessThan(0.3);
        // the table shows the reloaded user too, so the next edit starts from the current version
        await().atMost(WAIT).until(() -> table(robot).getItems().stream()
                .anyMatch(u -> u.id() == alan.id() && u.name().equals("Alan M. Turing") && u.version() == alan.version() + 1));
        robot.clickOn("#user-dialog-cancel");
        robot.clickOn(cellContaining(robot, "Alan M. Turing"));
        robot.clickOn("#users-edit");
        replace(robot, "#user-email", "turing@example.com");
        robot.clickOn("#user-dialog-save");
        await().atMost(WAIT).until(() -> users.get(alan.id()).email().equals("turing@example.com"));
        User now = users.get(alan.id());
        assertThat(now.name()).isEqualTo("Alan M. Turing");
        assertThat(now.version()).isEqualTo(alan.version() + 2);
    }

    @Test
    void pagesSortsAndSearchesTenThousandUsers(FxRobot robot) throws Exception {
        long seeding = System.nanoTime();
        seed(10_000);
        LOG.info(() -> "seeded 10,000 users in " + (System.nanoTime() - seeding) / 1_000_000 + " ms");
        robot.clickOn("#users-refresh");
        await().atMost(WAIT).until(() -> text(robot, "#users-page").equals("1–50 of 10,000 · page 1 of 200"));
        assertThat(table(robot).getItems()).hasSize(50);

        robot.clickOn("#users-next");
        await().atMost(WAIT).until(() -> text(robot, "#users-page").equals("51–100 of 10,000 · page 2 of 200"));
        assertThat(table(robot).getItems()).isEqualTo(users.list(null, "id", 50, 50).items());
        robot.clickOn("#users-last");
        await().atMost(WAIT).until(() -> text(robot, "#users-page").equals("9,951–10,000 of 10,000 · page 200 of 200"));
        assertThat(table(robot).getItems()).isEqualTo(users.list(null, "id", 50, 9_950).items());
        // back from the end a page at a time, the same rows as by offset (asked by cursor, from the end)
        robot.clickOn("#users-previous");
        await().atMost(WAIT).until(() -> text(robot, "#users-page").equals("9,901–9,950 of 10,000 · page 199 of 200"));
        assertThat(table(robot).getItems()).isEqualTo(users.list(null, "id", 50, 9_900).items());
        robot.clickOn("#users-next");
        await().atMost(WAIT).until(() -> text(robot, "#users-page").equals("9,951–10,000 of 10,000 · page 200 of 200"));
        assertThat(robot.lookup("#users-next").query().isDisabled()).isTrue();

        // sort by email, then descending: the service orders all 10,000, not the page
        robot.clickOn("#users-col-email");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(robot, "#users-page") + " " + firstEmail(robot))
                .isEqualTo("1–50 of 10,000 · page 1 of 200 p00001@example.com"));
        robot.clickOn("#users-col-email");
        await().atMost(WAIT).until(() -> "p10000@example.com".equals(firstEmail(robot)));

        robot.clickOn("#users-search").write("p0004");
        await().atMost(WAIT).until(() -> text(robot, "#users-page").equals("1–10 of 10 · page 1 of 1"));
        assertThat(table(robot).getItems()).extracting(User::email).first().isEqualTo("p00049@example.com");
        writeScreenshot("console-data-users.png");

        // a number finds the user with that id too, first
        User seventh = users.list("p00007@", null, 1, 0).items().getFirst();
        replace(robot, "#users-search", "#" + seventh.id());
        await().atMost(WAIT).until(() -> !table(robot).getItems().isEmpty() && table(robot).getItems().getFirst().id() == seventh.id());
    }

    @Test
    void createsAnOrderWithTwoItemsAndMovesItsStatusByClicking(FxRobot robot) throws Exception {
        User buyer = users.create(new UserDraft("Barbara Liskov", "barbara@example.com"));
        robot.clickOn("#data-tab-orders");
        typeNewOrder(robot, Long.toString(buyer.id()), "BOOK-1", "2", "12.50");
        assertThat(text(robot, "#order-total")).isEqualTo("Total 25.00");
        robot.clickOn("#order-add-item");
        robot.clickOn("#order-sku-1").write("PEN-9");
        robot.clickOn("#order-quantity-1").write("3");
        robot.clickOn("#order-price-1").write("0.99");
        assertThat(text(robot, "#order-total")).isEqualTo("Total 27.97");
        writeScreenshot(robot.lookup("#order-user").query(), "console-data-order-dialog.png");
        robot.clickOn("#order-dialog-create");

        await().atMost(WAIT).until(() -> orders.list(buyer.id(), null, null, 10, 0).total() == 1);
        Order created = orders.list(buyer.id(), null, null, 10, 0).items().getFirst();
        assertThat(created.items()).extracting(OrderItem::sku, OrderItem::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BOOK-1", 2), org.assertj.core.groups.Tuple.tuple("PEN-9", 3));
        assertThat(created.total()).isEqualByComparingTo("27.97");
        assertThat(created.status()).isEqualTo(OrderStatus.NEW);

        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().anyMatch(o -> o.id() == created.id()));
        robot.clickOn(cellContaining(robot, "BOOK-1"));
        await().atMost(WAIT).until(() -> robot.lookup("#order-move-PAID").tryQuery().isPresent());
        assertThat(robot.lookup("#order-move-CANCELLED").tryQuery()).isPresent();
        assertThat(robot.lookup("#order-move-SHIPPED").tryQuery()).isEmpty();
        robot.clickOn("#order-move-PAID");
        await().atMost(WAIT).until(() -> orders.get(created.id()).status() == OrderStatus.PAID);
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().anyMatch(o -> o.status() == OrderStatus.PAID));
        writeScreenshot("console-data-orders-before-select.png");
        robot.clickOn(cellContaining(robot, "BOOK-1"));
        await().atMost(WAIT).until(() -> robot.lookup("#order-move-SHIPPED").tryQuery().isPresent());
        assertThat(robot.lookup("#order-move-PAID").tryQuery()).isEmpty();
        writeScreenshot("console-data-orders.png");

        // filters: another user's order and a status
        User other = users.create(new UserDraft("Ken Thompson", "ken@example.com"));
        Order theirs = orders.create(new OrderDraft(other.id(), List.of(new OrderItem("UNIX-1", 1, new BigDecimal("9.99")))));
        robot.clickOn("#orders-refresh");
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().size() == 2);
        robot.clickOn("#orders-user").write(Long.toString(other.id()));
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().map(Order::id).toList().equals(List.of(theirs.id())));
        robot.clickOn("#orders-user");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        robot.interact(() -> robot.lookup("#orders-status").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select(OrderStatus.PAID));
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().map(Order::id).toList().equals(List.of(created.id())));

        // delete, confirmed
        robot.clickOn(cellContaining(robot, "BOOK-1"));
        robot.clickOn("#order-delete");
        await().atMost(WAIT).until(() -> robot.lookup("#order-delete-ok").tryQuery().isPresent());
        robot.clickOn("#order-delete-ok");
        await().atMost(WAIT).until(() -> catchThrowableOfType(ApiException.class, () -> orders.get(created.id())) != null);
        assertThat(orders.list(null, null, null, 10, 0).items()).extracting(Order::id).containsExactly(theirs.id());
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().isEmpty());
    }

    @Test
    void aNewOrderWhileTheUsersServiceIsStoppedSaysWhyWithTheButtonsInView(FxRobot robot) throws Exception {
        console.session.services().users().stop().get();
        robot.clickOn("#data-tab-orders");
        typeNewOrder(robot, "1", "BOOK-1", "1", "9.99");
        robot.clickOn("#order-dialog-create");
        await().atMost(WAIT).until(() -> text(robot, "#order-dialog-error").contains("users service"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#order-dialog-error")).contains("not created").contains("Start the users service");
        assertThat(shownText(robot.lookup("#order-dialog-error").query())).isEqualTo(text(robot, "#order-dialog-error"));
        assertInsideItsWindow(robot.lookup("#order-dialog-error").query());
        assertInsideItsWindow(robot.lookup("#order-dialog-create").query());
        assertInsideItsWindow(robot.lookup("#order-dialog-cancel").query());
        robot.clickOn("#order-dialog-cancel");
        assertThat(orders.list(null, null, null, 10, 0).total()).isZero();
    }

    @Test
    void atTheSmallestWindowTheOrdersStatusAndTheStatusBarReadInFull(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        }).get();
        User buyer = users.create(new UserDraft("Grace Hopper", "grace@example.com"));
        Order order = orders.create(new OrderDraft(buyer.id(), List.of(new OrderItem("COBOL-1", 1, new BigDecimal("9.99")))));
        for (OrderStatus next : List.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
            order = orders.changeStatus(order.id(), next, null);
        }
        robot.clickOn("#data-tab-orders");
        robot.clickOn("#orders-refresh");
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().anyMatch(o -> o.status() == OrderStatus.DELIVERED));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownText(cellContaining(robot, "DELIVERED"))).isEqualTo("DELIVERED");
        for (String id : List.of("#status-services", "#status-versions")) {
            Node label = robot.lookup(id).query();
            assertThat(shownText(label)).as(id).isEqualTo(((Label) label).getText());
        }
    }

    @Test
    void aSelectedRowStandsOutInBothThemes(FxRobot robot) throws Exception {
        users.create(new UserDraft("Ada Lovelace", "ada@example.com"));
        users.create(new UserDraft("Alan Turing", "alan@example.com"));
        robot.clickOn("#users-refresh");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Alan Turing"));
        robot.clickOn(cellContaining(robot, "Alan Turing"));
        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.window.setTheme(theme)).get();
            WaitForAsyncUtils.waitForFxEvents();
            List<javafx.scene.control.TableRow<?>> rows = new java.util.ArrayList<>();
            for (javafx.scene.control.TableRow<?> row : robot.lookup("#users-table .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)) {
                if (row.getItem() != null) {
                    rows.add(row);
                }
            }
            var selected = rows.stream().filter(javafx.scene.control.TableRow::isSelected).findFirst().orElseThrow();
            for (var other : rows.stream().filter(r -> !r.isSelected()).toList()) {
                assertThat(Contrast.ratio(Contrast.background(selected), Contrast.background(other)))
                        .as(theme + ": the selected row against another").isGreaterThanOrEqualTo(1.4);
            }
        }
    }

    @Test
    void ordersSortByEveryColumnOnTheServiceAndPageFirstToLast(FxRobot robot) {
        User buyer = users.create(new UserDraft("Grace Hopper", "grace@example.com"));
        for (int i = 1; i <= 120; i++) {
            // totals 1.00 .. 120.00 in a shuffled order of creation; order i has (i % 3) + 1 lines
            int price = (i * 37) % 120 + 1;
            List<OrderItem> lines = new java.util.ArrayList<>();
            for (int line = 0; line <= i % 3; line++) {
                lines.add(new OrderItem("SKU-" + line, 1, line == 0 ? new BigDecimal(price + ".00") : new BigDecimal("0.01")));
            }
            orders.create(new OrderDraft(buyer.id(), lines));
        }
        robot.clickOn("#data-tab-orders");
        robot.clickOn("#orders-refresh");
        await().atMost(WAIT).until(() -> text(robot, "#orders-page").equals("1–50 of 120 · page 1 of 3"));

        robot.clickOn("#orders-col-total");
        await().atMost(WAIT).until(() -> ordersShown(robot).getFirst().total().compareTo(new BigDecimal("1.00")) == 0);
        robot.clickOn("#orders-col-total");
        await().atMost(WAIT).until(() -> ordersShown(robot).getFirst().total().compareTo(new BigDecimal("120.00")) >= 0);
        List<BigDecimal> totals = ordersShown(robot).stream().map(Order::total).toList();
        assertThat(totals).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        robot.clickOn("#orders-last");
        await().atMost(WAIT).until(() -> text(robot, "#orders-page").equals("101–120 of 120 · page 3 of 3"));
        assertThat(ordersShown(robot).getLast().total()).isEqualByComparingTo("1.00");
        assertThat(robot.lookup("#orders-last").queryButton().isDisabled()).isTrue();
        robot.clickOn("#orders-first");
        await().atMost(WAIT).until(() -> text(robot, "#orders-page").equals("1–50 of 120 · page 1 of 3"));

        robot.clickOn("#orders-col-items");
        // 40 orders of one line, then 40 of two: the first page ends in the two-line ones
        await().atMost(WAIT).until(() -> ordersShown(robot).getFirst().items().size() == 1
                && ordersShown(robot).getLast().items().size() == 2);
        robot.clickOn("#orders-col-items");
        await().atMost(WAIT).until(() -> ordersShown(robot).getFirst().items().size() == 3);
        robot.clickOn("#orders-col-id");
        await().atMost(WAIT).until(() -> ordersShown(robot).getFirst().id() < ordersShown(robot).getLast().id());
        // every column sorts: none is left fixed
        assertThat(ordersTable(robot).getColumns()).allMatch(javafx.scene.control.TableColumn::isSortable);
    }

    @Test
    void tablesFollowChangesMadeElsewhereKeepTheSelectedRowAndSelectWhatWasJustCreated(FxRobot robot) {
        User ada = users.create(new UserDraft("Ada Lovelace", "ada@example.com"));
        users.create(new UserDraft("Alan Turing", "alan@example.com"));
        robot.clickOn("#users-refresh");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Alan Turing"));
        robot.clickOn(cellContaining(robot, "Ada Lovelace"));
        await().atMost(WAIT).until(() -> table(robot).getSelectionModel().getSelectedItem() != null
                && table(robot).getSelectionModel().getSelectedItem().id() == ada.id());

        // another client adds a user and renames Ada: the table shows both without Refresh, Ada still selected
        users.create(new UserDraft("Charles Babbage", "charles@example.com"));
        users.update(ada.id(), new UserDraft("Ada King", "ada@example.com"), ada.version());
        await().atMost(WAIT).until(() -> rowsShown(robot).containsAll(List.of("Ada King", "Charles Babbage")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(table(robot).getSelectionModel().getSelectedItem())
                .extracting(User::id, User::name).containsExactly(ada.id(), "Ada King"));

        // a change made while another screen is shown is there on coming back, without Refresh
        robot.clickOn("#nav-events");
        users.create(new UserDraft("Edsger Dijkstra", "edsger@example.com"));
        await().atMost(WAIT).until(() -> console.session.events().events().all().stream()
                .anyMatch(e -> e.type().equals("user.created") && e.data().toString().contains("edsger@example.com")));
        robot.clickOn("#nav-data");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Edsger Dijkstra"));

        // a user added here is selected
        robot.clickOn("#users-add");
        robot.clickOn("#user-name").write("Grace Hopper");
        robot.clickOn("#user-email").write("grace@example.com");
        robot.clickOn("#user-dialog-save");
        await().atMost(WAIT).until(() -> table(robot).getSelectionModel().getSelectedItem() != null
                && table(robot).getSelectionModel().getSelectedItem().name().equals("Grace Hopper"));

        Order theirs = orders.create(new OrderDraft(ada.id(), List.of(new OrderItem("LOOM-1", 1, new BigDecimal("5.00")))));
        robot.clickOn("#data-tab-orders");
        await().atMost(WAIT).until(() -> ordersShown(robot).stream().anyMatch(o -> o.id() == theirs.id()));
        robot.clickOn(cellContaining(robot, "LOOM-1"));
        await().atMost(WAIT).until(() -> robot.lookup("#order-move-PAID").tryQuery().isPresent());

        // another client pays it: the row says PAID, stays selected, and offers the next move
        orders.changeStatus(theirs.id(), OrderStatus.PAID, null);
        await().atMost(WAIT).until(() -> ordersShown(robot).stream().anyMatch(o -> o.id() == theirs.id() && o.status() == OrderStatus.PAID));
        await().atMost(WAIT).until(() -> robot.lookup("#order-move-SHIPPED").tryQuery().isPresent());
        await().atMost(WAIT).until(() -> ordersTable(robot).getSelectionModel().getSelectedItem() != null
                && ordersTable(robot).getSelectionModel().getSelectedItem().id() == theirs.id());
        assertThat(text(robot, "#orders-selection")).isEqualTo("Order " + theirs.id() + " (PAID):");

        // an order created here is selected
        typeNewOrder(robot, Long.toString(ada.id()), "CARD-2", "1", "2.00");
        robot.clickOn("#order-dialog-create");
        await().atMost(WAIT).until(() -> ordersTable(robot).getSelectionModel().getSelectedItem() != null
                && ordersTable(robot).getSelectionModel().getSelectedItem().items().getFirst().sku().equals("CARD-2"));
    }

    /** Opens New order and types the user and the first item, as a user would. */
    private static void typeNewOrder(FxRobot robot, String user, String sku, String quantity, String price) {
        robot.clickOn("#orders-add");
        robot.clickOn("#order-user").write(user);
        robot.clickOn("#order-sku-0").write(sku);
        robot.clickOn("#order-quantity-0").write(quantity);
        robot.clickOn("#order-price-0").write(price);
    }

    private static List<Order> ordersShown(FxRobot robot) {
        return List.copyOf(ordersTable(robot).getItems());
    }

    @Test
    void anOrdersDetailsShowItsUserByNameEveryItemAndTheTotal(FxRobot robot) {
        User buyer = users.create(new UserDraft("Ada Lovelace", "ada@example.com"));
        Order order = orders.create(new OrderDraft(buyer.id(), List.of(new OrderItem("ENGINE-1", 2, new BigDecimal("10.50")),
                new OrderItem("CARD-9", 3, new BigDecimal("0.99")))));
        robot.clickOn("#data-tab-orders");
        robot.clickOn("#orders-refresh");
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().anyMatch(o -> o.id() == order.id()));
        // the table names each order's user beside the id
        await().atMost(WAIT).until(() -> robot.lookup("#orders-table .table-cell").tryQuery().isPresent()
                && cellsShown(robot).contains(buyer.id() + " · Ada Lovelace"));
        robot.clickOn(cellContaining(robot, "ENGINE-1"));
        robot.clickOn("#order-details");
        await().atMost(WAIT).until(() -> text(robot, "#order-details-user").equals("Ada Lovelace (user " + buyer.id() + ")"));
        TableView<?> items = robot.lookup("#order-details-items").queryAs(TableView.class);
        assertThat(items.getItems()).hasSize(2);
        List<String> cells = robot.lookup("#order-details-items .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
        assertThat(cells).containsSubsequence("ENGINE-1", "2", "10.50", "21.00").containsSubsequence("CARD-9", "3", "0.99", "2.97");
        assertThat(text(robot, "#order-details-total")).isEqualTo("Total 23.97");
        robot.clickOn("#order-details-close");
    }

    @Test
    void aUnitPriceWithMoreThanTwoDecimalsIsRefusedAtItsFieldNotRounded(FxRobot robot) {
        User buyer = users.create(new UserDraft("Blaise Pascal", "blaise@example.com"));
        robot.clickOn("#data-tab-orders");
        typeNewOrder(robot, Long.toString(buyer.id()), "CALC-1", "1", "1.234");
        robot.clickOn("#order-dialog-create");
        await().atMost(WAIT).until(() -> !text(robot, "#order-item-error-0").isEmpty());
        assertThat(text(robot, "#order-item-error-0")).contains("at most two decimal places");
        robot.clickOn("#order-dialog-cancel");
        assertThat(orders.list(buyer.id(), null, null, 10, 0).total()).as("nothing stored").isZero();
    }

    @Test
    void aNewOrderShowsEveryRefusalAtTheItemItConcerns(FxRobot robot) {
        User buyer = users.create(new UserDraft("Niklaus Wirth", "niklaus@example.com"));
        robot.clickOn("#data-tab-orders");
        typeNewOrder(robot, Long.toString(buyer.id()), "BOOK-1", "0", "9.99");
        robot.clickOn("#order-add-item");
        robot.clickOn("#order-quantity-1").write("2");
        robot.clickOn("#order-price-1").write("1.50");
        robot.clickOn("#order-dialog-create");
        await().atMost(WAIT).until(() -> !text(robot, "#order-item-error-0").isEmpty() && !text(robot, "#order-item-error-1").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // both refusals, each under its line, in words: no "items[0].quantity", nothing left at the bottom
        assertThat(text(robot, "#order-item-error-0")).startsWith("Quantity").doesNotContain("items[");
        assertThat(text(robot, "#order-item-error-1")).startsWith("SKU").doesNotContain("items[");
        assertThat(text(robot, "#order-dialog-error")).isEmpty();
        assertInsideItsWindow(robot.lookup("#order-item-error-1").query());
        assertInsideItsWindow(robot.lookup("#order-dialog-create").query());

        // fixed, it is created
        replace(robot, "#order-quantity-0", "1");
        robot.clickOn("#order-sku-1").write("PEN-2");
        robot.clickOn("#order-dialog-create");
        await().atMost(WAIT).until(() -> orders.list(buyer.id(), null, null, 10, 0).total() == 1);
    }

    @Test
    void aStatusMoveTheServiceRefusesSaysWhyAndShowsTheOrderAsItIs(FxRobot robot) {
        User buyer = users.create(new UserDraft("Frances Allen", "frances@example.com"));
        Order order = orders.create(new OrderDraft(buyer.id(), List.of(new OrderItem("CHIP-1", 1, new BigDecimal("5.00")))));
        robot.clickOn("#data-tab-orders");
        robot.clickOn("#orders-refresh");
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().anyMatch(o -> o.id() == order.id()));
        robot.clickOn(cellContaining(robot, "CHIP-1"));
        await().atMost(WAIT).until(() -> robot.lookup("#order-move-PAID").tryQuery().isPresent());
        // someone else cancels it meanwhile, while the orders' event stream is down (else the table would follow at once)
        console.session.events().remove("orders");
        orders.changeStatus(order.id(), OrderStatus.CANCELLED, null);

        robot.clickOn("#order-move-PAID");
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream()
                .anyMatch(o -> o.id() == order.id() && o.status() == OrderStatus.CANCELLED));
        WaitForAsyncUtils.waitForFxEvents();
        // the refusal is still on screen after the list reloaded, in red
        assertThat(text(robot, "#orders-message")).contains("Order " + order.id() + " not moved to PAID")
                .contains("someone changed it").contains("The list now shows it as it is");
        assertThat(robot.lookup("#orders-message").queryAs(Label.class).getStyle()).contains("danger");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownText(robot.lookup("#orders-message").query())).as("the whole refusal, not cut")
                .isEqualTo(text(robot, "#orders-message"));
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void enterInADeleteConfirmationDeletesNothingAndTheDeleteButtonIsRed(FxRobot robot) {
        User grace = users.create(new UserDraft("Grace Hopper", "grace@example.com"));
        robot.clickOn("#users-refresh");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Grace Hopper"));
        robot.clickOn(cellContaining(robot, "Grace Hopper"));
        robot.clickOn("#users-delete");
        await().atMost(WAIT).until(() -> robot.lookup("#user-delete-ok").tryQuery().isPresent());
        Button delete = robot.lookup("#user-delete-ok").queryButton();
        assertThat(delete.getStyleClass()).contains(atlantafx.base.theme.Styles.DANGER);
        assertThat(delete.isDefaultButton()).isFalse();
        assertThat(robot.lookup("#user-delete-cancel").queryButton().isDefaultButton()).isTrue();
        robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> robot.lookup("#user-delete-confirm").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(users.get(grace.id()).name()).isEqualTo("Grace Hopper");
        assertThat(rowsShown(robot)).contains("Grace Hopper");

        // an order: cancelling asks first too, Enter keeps it, the red button cancels it
        Order order = orders.create(new OrderDraft(grace.id(), List.of(new OrderItem("COBOL-1", 1, new BigDecimal("3.00")))));
        robot.clickOn("#data-tab-orders");
        robot.clickOn("#orders-refresh");
        await().atMost(WAIT).until(() -> ordersTable(robot).getItems().stream().anyMatch(o -> o.id() == order.id()));
        robot.clickOn(cellContaining(robot, "COBOL-1"));
        await().atMost(WAIT).until(() -> robot.lookup("#order-move-CANCELLED").tryQuery().isPresent());
        robot.clickOn("#order-move-CANCELLED");
        await().atMost(WAIT).until(() -> robot.lookup("#order-cancel-ok").tryQuery().isPresent());
        assertThat(robot.lookup("#order-cancel-ok").queryButton().getStyleClass()).contains(atlantafx.base.theme.Styles.DANGER);
        robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> robot.lookup("#order-cancel-confirm").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.NEW);
        robot.clickOn("#order-move-CANCELLED");
        await().atMost(WAIT).until(() -> robot.lookup("#order-cancel-ok").tryQuery().isPresent());
        robot.clickOn("#order-cancel-ok");
        await().atMost(WAIT).until(() -> orders.get(order.id()).status() == OrderStatus.CANCELLED);
        // the cancelled order stays selected, its actions now those of a cancelled order
        await().atMost(WAIT).until(() -> text(robot, "#orders-selection").equals("Order " + order.id() + " (CANCELLED):"));

        robot.clickOn("#order-delete");
        await().atMost(WAIT).until(() -> robot.lookup("#order-delete-ok").tryQuery().isPresent());
        assertThat(robot.lookup("#order-delete-ok").queryButton().isDefaultButton()).isFalse();
        robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> robot.lookup("#order-delete-confirm").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void saysPlainlyWhenTheUsersServiceIsStoppedAndStartsIt(FxRobot robot) throws Exception {
        users.create(new UserDraft("Edsger Dijkstra", "edsger@example.com"));
        robot.clickOn("#users-refresh");
        await().atMost(WAIT).until(() -> rowsShown(robot).contains("Edsger Dijkstra"));
        console.session.services().orders().stop().get();
        console.session.services().users().stop().get();
        await().atMost(WAIT).until(() -> robot.lookup("#users-offline").query().isVisible());
        assertThat(text(robot, "#users-offline-text")).contains("users service is stopped");
        writeScreenshot("console-data-stopped.png");

        robot.clickOn("#users-start");
        await().atMost(WAIT).until(() -> !robot.lookup("#users-offline").query().isVisible());
        // in memory: a restarted service starts empty
        await().atMost(WAIT).until(() -> text(robot, "#users-message").contains("No users yet"));
    }

    private void seed(int count) throws Exception {
        UsersApi api = new UsersApi(HTTP, console.url("users"), null);
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int first = t;
                jobs.add(pool.submit(() -> {
                    for (int i = first + 1; i <= count; i += 6) {
                        api.create(new UserDraft("Person " + String.format("%05d", i), String.format("p%05d@example.com", i)));
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        }
    }

    private void writeScreenshot(String name) throws Exception {
        writeScreenshot(stage.getScene().getRoot(), name);
    }

    /** A picture of the window that holds {@code node}: the main one, or a dialog. */
    private static void writeScreenshot(Node node, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.getScene().snapshot(null)).get();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
    }

    private static String text(FxRobot robot, String id) {
        Optional<Node> node = robot.lookup(id).tryQuery();
        return node.map(n -> n instanceof Label l ? l.getText() : String.valueOf(n)).map(s -> s == null ? "" : s).orElse("");
    }

    private static List<String> cellsShown(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    /** A cell on screen that shows {@code text}: not one the table keeps hidden for reuse after a reload. */
    private static Node cellContaining(FxRobot robot, String text) {
        return robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && !c.isEmpty() && c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible()
                && !c.getTableRow().isEmpty() && c.getText() != null && c.getText().contains(text)).query();
    }

    /** What a label or button really draws: its text, or a shortened one ending in "…" when it does not fit. */
    /** The node is visible and lies wholly within its window. */
    private static void assertInsideItsWindow(Node node) {
        javafx.geometry.Bounds bounds = node.localToScene(node.getBoundsInLocal());
        assertThat(node.isVisible()).as(node.getId() + " visible").isTrue();
        assertThat(bounds.getMinX()).as(node.getId() + " left").isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMinY()).as(node.getId() + " top").isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMaxX()).as(node.getId() + " right").isLessThanOrEqualTo(node.getScene().getWidth() + 0.5);
        assertThat(bounds.getMaxY()).as(node.getId() + " bottom").isLessThanOrEqualTo(node.getScene().getHeight() + 0.5);
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextInputControl.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<User> table(FxRobot robot) {
        return robot.lookup("#users-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Order> ordersTable(FxRobot robot) {
        return robot.lookup("#orders-table").queryAs(TableView.class);
    }

    private static String firstEmail(FxRobot robot) {
        List<User> items = table(robot).getItems();
        return items.isEmpty() ? null : items.getFirst().email();
    }

    private static List<String> rowsShown(FxRobot robot) {
        return table(robot).getItems().stream().map(User::name).toList();
    }

    @SuppressWarnings("unused")
    private static Page<User> page(UsersApi api) {
        return api.list(null, null, 50, 0);
    }

    @SuppressWarnings("unused")
    private static boolean isDataView(Node node) {
        return node instanceof DataView || node instanceof Button;
    }
}
