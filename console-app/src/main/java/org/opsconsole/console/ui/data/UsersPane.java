package org.opsconsole.console.ui.data;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.ui.fx.Confirm;
import org.opsconsole.model.User;

import java.util.List;
import java.util.Map;

/**
 * The users tab: search, a server-side paged and sorted table, and add / edit / delete. Sorting a
 * column asks the service for that order; the table never sorts the rows it holds.
 */
final class UsersPane extends VBox {

    /** Table column id to the service's sort key. */
    private static final Map<String, String> SORT_KEYS = Map.of(
            "users-col-id", "id", "users-col-name", "name", "users-col-email", "email",
            "users-col-created", "createdAt", "users-col-updated", "updatedAt");

    private final UsersViewModel model;
    private final TableView<User> table = new TableView<>();

    UsersPane(UsersViewModel model) {
        this.model = model;
        setSpacing(8);
        getStyleClass().add("data-tab");

        TextField search = new TextField();
        search.setId("users-search");
        search.setPromptText("Search id, name or email…");
        search.setPrefWidth(260);
        search.textProperty().bindBidirectional(model.queryProperty());

        Button add = DataWidgets.button("users-add", "Add user…");
        add.getStyleClass().add("accent");
        Button edit = DataWidgets.button("users-edit", "Edit…");
        Button delete = DataWidgets.button("users-delete", "Delete…");
        delete.getStyleClass().add("danger");
        Button refresh = DataWidgets.button("users-refresh", "Refresh");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> openEditor(null));
        edit.setOnAction(e -> openEditor(table.getSelectionModel().getSelectedItem()));
        delete.setOnAction(e -> confirmDelete(table.getSelectionModel().getSelectedItem()));
        refresh.setOnAction(e -> model.refresh());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, search, grow, add, edit, delete, refresh);
        toolbar.disableProperty().bind(model.users().availableProperty().not());

        table.setId("users-table");
        table.getStyleClass().addAll("dense", "striped");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                DataWidgets.<User>column("users-col-id", "ID", 55, u -> Long.toString(u.id())),
                DataWidgets.<User>column("users-col-name", "Name", 140, User::name),
                DataWidgets.<User>column("users-col-email", "Email", 190, User::email),
                DataWidgets.<User>timeColumn("users-col-created", "Created", User::createdAt),
                DataWidgets.<User>timeColumn("users-col-updated", "Updated", User::updatedAt),
                DataWidgets.<User>column("users-col-version", "Version", 70, u -> Long.toString(u.version()))));
        table.getColumns().get(5).setMinWidth(70);
        DataWidgets.sortedByService(table, SORT_KEYS, model.sortProperty());
        KeptSelection.show(table, model.rows(), User::id, model.touchedProperty());
        table.setPlaceholder(new Label("No users to show"));
        table.setRowFactory(t -> {
            TableRow<User> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openEditor(row.getItem());
                }
            });
            return row;
        });
        table.disableProperty().bind(model.users().availableProperty().not());
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(DataWidgets.offlineBanner("users", model.users()), toolbar, table, DataWidgets.pager("users", model));
    }

    TableView<User> table() {
        return table;
    }

    private void openEditor(User user) {
        new UserDialog(getScene().getWindow(), model, user).show();
    }

    private void confirmDelete(User user) {
        if (user == null) {
            return;
        }
        model.openOrders(user).whenComplete((count, error) -> {
            if (error != null) {
                return;
            }
            String orders = count == null
                    ? "The orders service is not running, so their open orders can't be counted; it cancels them when it next runs."
                    : count == 0 ? "They have no open orders."
                    : count == 1 ? "Their 1 open order (new or paid) will be cancelled."
                    : "Their " + count + " open orders (new or paid) will be cancelled.";
            Alert confirm = Confirm.destructive(getScene().getWindow(), "user-delete-confirm", "Delete user",
                    "Delete " + UsersViewModel.describe(user) + "?", orders + " This can't be undone.",
                    "Delete", "Cancel", () -> model.delete(user));
            confirm.show();
        });
    }
}
