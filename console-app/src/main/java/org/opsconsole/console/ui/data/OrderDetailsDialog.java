package org.opsconsole.console.ui.data;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderItem;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One order in full: its user by name, its dates and version, every item with its amount, and the
 * total. The user's name arrives from the users service after the dialog opens.
 */
final class OrderDetailsDialog extends Dialog<Void> {

    OrderDetailsDialog(Order order, CompletableFuture<String> userName) {
        setTitle("Order " + order.id());
        setHeaderText("Order " + order.id() + " · " + order.status());
        Label user = new Label("user " + order.userId() + " (looking up the name…)");
        user.setId("order-details-user");
        userName.whenComplete((name, error) -> org.opsconsole.console.ui.fx.FxThread.run(() -> user.setText(
                error == null ? name + " (user " + order.userId() + ")"
                        : "user " + order.userId() + " (" + Calls.sentence(error) + ")")));
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, new Label("User"), user);
        facts.addRow(1, new Label("Created"), new Label(DataWidgets.time(order.createdAt())));
        facts.addRow(2, new Label("Updated"), new Label(DataWidgets.time(order.updatedAt())));
        facts.addRow(3, new Label("Version"), new Label(Long.toString(order.version())));

        TableView<OrderItem> items = new TableView<>();
        items.setId("order-details-items");
        items.getColumns().setAll(List.of(
                DataWidgets.<OrderItem>column("order-details-sku", "SKU", 140, OrderItem::sku),
                DataWidgets.<OrderItem>column("order-details-quantity", "Quantity", 80, i -> Integer.toString(i.quantity())),
                DataWidgets.<OrderItem>column("order-details-price", "Unit price", 90, i -> i.unitPrice().toPlainString()),
                DataWidgets.<OrderItem>column("order-details-amount", "Amount", 90,
                        i -> i.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())));
        items.getItems().setAll(order.items() == null ? List.of() : order.items());
        items.setPrefHeight(Math.min(10, items.getItems().size() + 1) * 28 + 8);
        Label total = new Label("Total " + (order.total() == null ? "" : order.total().toPlainString()));
        total.setId("order-details-total");
        total.getStyleClass().add("card-title");

        getDialogPane().setContent(new VBox(10, facts, items, total));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("order-details-close");
        getDialogPane().setPrefWidth(480);
    }
}
