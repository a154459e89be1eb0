package org.opsconsole.console.ui.data;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.ui.fx.Confirm;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderItem;
import org.opsconsole.model.OrderStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The orders tab: filter by user and status, a paged table, a new-order dialog, and for the
 * selected order only the status moves the service allows, plus delete.
 */
final class OrdersPane extends VBox {

    /** Table column id to the service's sort key: every column sorts. */
    private static final java.util.Map<String, String> SORT_KEYS = java.util.Map.of(
            "orders-col-id", "id", "orders-col-user", "userId", "orders-col-status", "status", "orders-col-items", "items",
            "orders-col-total", "total", "orders-col-created", "createdAt", "orders-col-updated", "updatedAt",
            "orders-col-version", "version");

    private final OrdersViewModel model;
    private final TableView<Order> table = new TableView<>();
    private final HBox actions = new HBox(8);
    private final Label selection = new Label();

    OrdersPane(OrdersViewModel model) {
        this.model = model;
        setSpacing(8);
        getStyleClass().add("data-tab");

        TextField user = new TextField();
        user.setId("orders-user");
        user.setPromptText("User id (all users)");
        user.setPrefWidth(150);
        Label userHint = new Label();
        userHint.setId("orders-user-hint");
        userHint.setStyle("-fx-text-fill: -color-danger-fg;");
        user.textProperty().addListener((obs, was, now) -> {
            String text = now == null ? "" : now.strip();
            if (text.isEmpty()) {
                userHint.setText("");
                model.userFilterProperty().set(null);
                return;
            }
            try {
                model.userFilterProperty().set(Long.parseLong(text));
                userHint.setText("");
            } catch (NumberFormatException e) {
                userHint.setText("A user id is a number");
            }
        });
        ComboBox<OrderStatus> status = new ComboBox<>();
        status.setId("orders-status");
        List<OrderStatus> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(List.of(OrderStatus.values()));
        status.getItems().setAll(choices);
        status.setButtonCell(statusCell());
        status.setCellFactory(list -> statusCell());
        status.valueProperty().bindBidirectional(model.statusFilterProperty());

        Button add = DataWidgets.button("orders-add", "New order…");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> new OrderDialog(getScene().getWindow(), model, model.userFilterProperty().get()).show());
        Button refresh = DataWidgets.button("orders-refresh", "Refresh");
        refresh.setOnAction(e -> model.refresh());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, new Label("User"), user, userHint, new Label("Status"), status, grow, add, refresh);
        toolbar.setStyle("-fx-alignment: center-left;");
        toolbar.disableProperty().bind(model.orders().availableProperty().not());

        table.setId("orders-table");
        table.getStyleClass().addAll("dense", "striped");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                DataWidgets.<Order>column("orders-col-id", "ID", 50, o -> Long.toString(o.id())),
                DataWidgets.<Order>column("orders-col-user", "User", 150, o -> o.userId()
                        + (model.userNames().containsKey(o.userId()) ? " · " + model.userNames().get(o.userId()) : "")),
                DataWidgets.<Order>column("orders-col-status", "Status", 96, o -> o.status().name()),
                DataWidgets.<Order>column("orders-col-items", "Items", 150, OrdersPane::items),
                DataWidgets.<Order>column("orders-col-total", "Total", 70, o -> o.total() == null ? "" : o.total().toPlainString()),
                DataWidgets.<Order>timeColumn("orders-col-created", "Created", Order::createdAt),
                DataWidgets.<Order>timeColumn("orders-col-updated", "Updated", Order::updatedAt),
                DataWidgets.<Order>column("orders-col-version", "Version", 75, o -> Long.toString(o.version()))));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableColumn<Order, String> itemsColumn = (javafx.scene.control.TableColumn<Order, String>) table.getColumns().get(3);
        itemsColumn.setCellFactory(column -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item.replace(", ", "\n")));
            }
        });
        DataWidgets.sortedByService(table, SORT_KEYS, model.sortProperty());
        table.getColumns().forEach(c -> {
            c.setMinWidth(c.getId().equals("orders-col-status") ? c.getPrefWidth() : Math.min(c.getPrefWidth(), 60));   // "DELIVERED" whole
        });
        KeptSelection.show(table, model.rows(), Order::id, model.touchedProperty());
        model.userNames().addListener((javafx.collections.MapChangeListener<Long, String>) change -> table.refresh());
        table.setPlaceholder(new Label("No orders to show"));
        table.disableProperty().bind(model.orders().availableProperty().not());
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> showActions(now));

        selection.setId("orders-selection");
        actions.setId("orders-actions");
        actions.setStyle("-fx-alignment: center-left;");
        showActions(null);

        getChildren().addAll(DataWidgets.offlineBanner("orders", model.orders()), toolbar, table, actions, DataWidgets.pager("orders", model));
    }

    /** For the selected order: one button per legal move, and delete. */
    private void showActions(Order order) {
        actions.getChildren().clear();
        if (order == null) {
            selection.setText("Select an order to change its status or delete it.");
            actions.getChildren().add(selection);
            return;
        }
        selection.setText("Order " + order.id() + " (" + order.status() + "):");
        actions.getChildren().add(selection);
        if (order.status().next().isEmpty()) {
            actions.getChildren().add(new Label("no further moves"));
        }
        for (OrderStatus target : order.status().next()) {
            Button move = DataWidgets.button("order-move-" + target.name(), moveText(target));
            if (target == OrderStatus.CANCELLED) {
                // cancelling can't be undone: red, and asked first
                move.setText("Cancel order…");
                move.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
                move.setOnAction(e -> Confirm.destructive(getScene().getWindow(), "order-cancel-confirm",
                        "Cancel order", "Cancel order " + order.id() + "?",
                        "Order " + order.id() + " of user " + order.userId() + " (" + order.status() + ", total " + order.total()
                                + ") will be cancelled. A cancelled order can't be reopened.",
                        "Cancel order", "Keep order", () -> model.changeStatus(order, target)).show());
            } else {
                move.setOnAction(e -> model.changeStatus(order, target));
            }
            actions.getChildren().add(move);
        }
        Button details = DataWidgets.button("order-details", "Details…");
        details.setOnAction(e -> showDetails(order));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        actions.getChildren().add(details);
        Button delete = DataWidgets.button("order-delete", "Delete order…");
        delete.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        delete.setOnAction(e -> confirmDelete(order));
        actions.getChildren().addAll(grow, delete);
    }

    /** The order in full, its user by name. */
    private void showDetails(Order order) {
        OrderDetailsDialog dialog = new OrderDetailsDialog(order, model.userName(order.userId()));
        dialog.initOwner(getScene().getWindow());
        dialog.show();
    }

    private void confirmDelete(Order order) {
        Confirm.destructive(getScene().getWindow(), "order-delete-confirm", "Delete order",
                "Delete order " + order.id() + "?",
                "Order " + order.id() + " of user " + order.userId() + " (" + order.status() + ", total " + order.total()
                        + ") will be removed. This can't be undone.",
                "Delete", "Cancel", () -> model.delete(order)).show();
    }

    private static String moveText(OrderStatus target) {
        return switch (target) {
            case PAID -> "Mark paid";
            case SHIPPED -> "Mark shipped";
            case DELIVERED -> "Mark delivered";
            case CANCELLED -> "Cancel order";
            case NEW -> "Back to new";
        };
    }

    private static String items(Order order) {
        return order.items() == null ? "" : order.items().stream()
                .map(OrdersPane::item)
                .collect(Collectors.joining(", "));
    }

    private static String item(OrderItem item) {
        return item.quantity() + " × " + item.sku() + " @ " + item.unitPrice().toPlainString();
    }

    private static ListCell<OrderStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OrderStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "Any status" : item.name());
            }
        };
    }
}
