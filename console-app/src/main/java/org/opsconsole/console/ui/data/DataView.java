package org.opsconsole.console.ui.data;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opsconsole.console.api.ConsoleHttp;
import org.opsconsole.console.api.ServiceApis;
import org.opsconsole.console.supervisor.ServiceGroup;

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

    public DataView(ServiceGroup services, ConsoleHttp http) {
        users = new ServiceLink(services.users(), "users");
        orders = new ServiceLink(services.orders(), "orders");
        ServiceApis apis = new ServiceApis(http.quick());
        usersModel = new UsersViewModel(users, orders, apis, calls);
        ordersModel = new OrdersViewModel(orders, apis, calls);
        createView();
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
        getChildren().addAll(title, tabs);
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
        users.dispose();
        orders.dispose();
        calls.shutdownNow();
    }
}
