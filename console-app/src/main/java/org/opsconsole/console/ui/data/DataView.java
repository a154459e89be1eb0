package org.opsconsole.console.ui.data;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.api.ConsoleHttp;
import org.opsconsole.console.api.ServiceApis;
import org.opsconsole.console.events.EventFeed;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.supervisor.ServiceGroup;
import org.opsconsole.console.supervisor.WatchedService;
import org.opsconsole.console.ui.fx.FxThread;
import org.opsconsole.console.ui.fx.FxTicker;
import org.opsconsole.model.ServiceEvent;

import java.time.Duration;
import java.util.List;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Data screen: a Users tab and an Orders tab. Its calls run on virtual threads of its own, so a
 * slow service never holds up the console's other I/O, through the session's HTTP client (which
 * carries each service's API token).
 */
public final class DataView extends VBox {

    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("data-call-", 0).factory());
    private final ServiceLink users;
    private final ServiceLink orders;
    private final UsersViewModel usersModel;
    private final OrdersViewModel ordersModel;
    private final TabPane tabs = new TabPane();
    private final ServiceGroup services;
    private final ChoiceBox<String> usersFrom = new ChoiceBox<>();
    private final ChoiceBox<String> ordersFrom = new ChoiceBox<>();
    private final HBox sources;
    private final Runnable servicesListener = () -> FxThread.run(this::showSources);
    private final EventFeed events;
    private FxTicker changesElsewhere;
    private long eventsSeen;

    /** @param events the services' event streams: a change made elsewhere reloads the page it shows */
    public DataView(ServiceGroup services, ConsoleHttp http, EventFeed events) {
        this.services = services;
        this.events = events;
        this.eventsSeen = events.events().lastSeq();
        users = new ServiceLink(services.users(), "users");
        orders = new ServiceLink(services.orders(), "orders");
        ServiceApis apis = new ServiceApis(http.quick());
        usersModel = new UsersViewModel(users, orders, apis, calls);
        ordersModel = new OrdersViewModel(orders, users, apis, calls);
        usersFrom.setId("data-users-service");
        ordersFrom.setId("data-orders-service");
        sources = new HBox(8, new Label("Users from"), usersFrom, new Label("Orders from"), ordersFrom);
        sources.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        createView();
        showSources();
        usersFrom.valueProperty().addListener((obs, was, now) -> choose(users, usersModel::refresh, usersModel.calls(), now));
        ordersFrom.valueProperty().addListener((obs, was, now) -> choose(orders, ordersModel::refresh, ordersModel.calls(), now));
        services.addListener(servicesListener);
        changesElsewhere = FxTicker.every(Duration.ofSeconds(1), this, this::followChanges);
        if (users.availableProperty().get()) {
            usersModel.refresh();
        } else {
            usersModel.calls().say(users.notRunningSentence(), true);
        }
        if (orders.availableProperty().get()) {
            ordersModel.refresh();
        } else {
            ordersModel.calls().say(orders.notRunningSentence(), true);
        }
    }

    private void createView() {
        getStyleClass().add("screen");
        setSpacing(8);
        Label title = new Label("Data");
        title.getStyleClass().add("screen-title");
        Tab usersTab = new Tab("Users", new UsersPane(usersModel));
        usersTab.setId("data-tab-users");
        Tab ordersTab = new Tab("Orders", new OrdersPane(ordersModel));
        ordersTab.setId("data-tab-orders");
        tabs.setId("data-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(usersTab, ordersTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now == ordersTab && orders.availableProperty().get()) {
                ordersModel.refresh();
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, sources);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(header, tabs);
    }

    /**
     * Which users and orders service the tabs work with: shown only when there is a choice (a
     * service was added next to the console's own). A removed choice falls back to the console's own.
     */
    private void showSources() {
        refill(usersFrom, ConsoleSession.USERS, users);
        refill(ordersFrom, ConsoleSession.ORDERS, orders);
        boolean choice = usersFrom.getItems().size() > 1 || ordersFrom.getItems().size() > 1;
        sources.setVisible(choice);
        sources.setManaged(choice);
    }

    private void refill(ChoiceBox<String> box, String kind, ServiceLink link) {
        List<String> names = services.ofKind(kind).stream().map(WatchedService::name).toList();
        if (!names.equals(box.getItems())) {
            String chosen = names.contains(link.name()) ? link.name() : names.getFirst();
            box.getItems().setAll(names);
            box.setValue(chosen);
        }
        box.setDisable(names.size() < 2);
    }

    /** Works with the service called {@code name} from now on, and shows its data (or why it can't). */
    private void choose(ServiceLink link, Runnable refresh, Calls calls, String name) {
        if (name == null || name.equals(link.name())) {
            return;
        }
        services.named(name).ifPresent(link::follow);
        if (link.availableProperty().get()) {
            refresh.run();
        } else {
            calls.say(link.notRunningSentence(), true);
        }
    }

    /**
     * Reloads a tab's page, quietly and keeping its selection, when a service says its data changed
     * (someone else, a load run, the orders service cancelling a deleted user's orders); at most once
     * a second while the screen is shown, and when it shows again after changes.
     */
    private void followChanges() {
        if (getScene() == null || !isVisible()) {
            return;   // what happens meanwhile waits: the page is reloaded when the screen shows again
        }
        java.util.List<ServiceEvent> fresh = events.events().after(eventsSeen);
        eventsSeen = events.events().lastSeq();
        if (fresh.isEmpty()) {
            return;
        }
        if (fresh.stream().anyMatch(e -> e.type().startsWith("user."))) {
            usersModel.refreshQuietly();
        }
        if (fresh.stream().anyMatch(e -> e.type().startsWith("order."))) {
            ordersModel.refreshQuietly();
        }
    }

    public UsersViewModel usersModel() {
        return usersModel;
    }

    public OrdersViewModel ordersModel() {
        return ordersModel;
    }

    /** Shows the Users (0) or Orders (1) tab. */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    public void dispose() {
        changesElsewhere.stop();
        services.removeListener(servicesListener);
        users.dispose();
        orders.dispose();
        calls.shutdownNow();
    }
}
