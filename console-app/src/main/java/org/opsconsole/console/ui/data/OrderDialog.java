package org.opsconsole.console.ui.data;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.opsconsole.console.api.ApiException;
import org.opsconsole.model.FieldError;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderDraft;
import org.opsconsole.model.OrderItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A new order for one user: any number of items (sku, quantity, unit price), each line's amount
 * and the total kept up to date as you type (BigDecimal, two places). The service's checks are the
 * ones that count; what it says is shown under the form, per field where it names one.
 */
final class OrderDialog extends Dialog<Order> {

    static final ButtonType CREATE = new ButtonType("Create order", ButtonBar.ButtonData.OK_DONE);

    private final OrdersViewModel model;
    private final TextField user = new TextField();
    private final Label userError = UserDialog.errorLabel("order-user-error");
    private final GridPane lines = new GridPane();
    private final List<Line> items = new ArrayList<>();
    private final Label total = new Label();
    private final Label problem = UserDialog.errorLabel("order-dialog-error");
    private final ProgressIndicator progress = new ProgressIndicator();

    private record Line(TextField sku, TextField quantity, TextField price, Label amount) {
    }

    OrderDialog(Window owner, OrdersViewModel model, Long userId) {
        this.model = model;
        initOwner(owner);
        setTitle("New order");
        setHeaderText("A new order");
        user.setId("order-user");
        user.setPromptText("User id");
        if (userId != null) {
            user.setText(userId.toString());
        }
        lines.setHgap(8);
        lines.setVgap(4);
        lines.setId("order-items");
        Button addItem = DataWidgets.button("order-add-item", "Add item");
        addItem.setOnAction(e -> addLine());
        total.setId("order-total");
        total.setStyle("-fx-font-weight: bold;");
        progress.setId("order-dialog-progress");
        progress.setPrefSize(18, 18);
        progress.setVisible(false);
        problem.setMaxWidth(480);
        addLine();
        VBox content = new VBox(10, new HBox(8, new Label("User id"), user), userError,
                lines, new HBox(12, addItem, total), problem, progress);
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        Button create = (Button) getDialogPane().lookupButton(CREATE);
        create.setId("order-dialog-create");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("order-dialog-cancel");
        create.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            create(create);
        });
        setResultConverter(button -> null);
        updateTotal();
    }

    private void addLine() {
        int i = items.size();
        Line line = new Line(field("order-sku-" + i, "SKU", 120), field("order-quantity-" + i, "Qty", 60),
                field("order-price-" + i, "Unit price", 90), new Label());
        line.amount().setId("order-amount-" + i);
        line.amount().setMinWidth(80);
        line.quantity().textProperty().addListener((obs, was, now) -> updateTotal());
        line.price().textProperty().addListener((obs, was, now) -> updateTotal());
        items.add(line);
        if (i == 0) {
            lines.addRow(0, new Label("SKU"), new Label("Quantity"), new Label("Unit price"), new Label("Amount"));
        }
        lines.addRow(i + 1, line.sku(), line.quantity(), line.price(), line.amount());
        updateTotal();
    }

    private static TextField field(String id, String prompt, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        return field;
    }

    /** The sum of the lines that parse; a line that doesn't shows "?" and leaves the total open. */
    private void updateTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        boolean complete = true;
        for (Line line : items) {
            BigDecimal amount = amount(line);
            if (amount == null) {
                boolean blank = line.quantity().getText().isBlank() && line.price().getText().isBlank();
                line.amount().setText(blank ? "" : "?");
                complete &= blank;
            } else {
                line.amount().setText(amount.toPlainString());
                sum = sum.add(amount);
            }
        }
        total.setText("Total " + sum.setScale(2, RoundingMode.HALF_UP).toPlainString() + (complete ? "" : " (some lines incomplete)"));
    }

    static BigDecimal amount(Line line) {
        try {
            int quantity = Integer.parseInt(line.quantity().getText().strip());
            BigDecimal price = new BigDecimal(line.price().getText().strip());
            return price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void create(Button create) {
        userError.setText("");
        problem.setText("");
        Long userId;
        try {
            userId = Long.parseLong(user.getText().strip());
        } catch (NumberFormatException e) {
            userError.setText("Enter the id of the user this order is for (a number).");
            return;
        }
        List<OrderItem> draftItems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Line line = items.get(i);
            if (line.sku().getText().isBlank() && line.quantity().getText().isBlank() && line.price().getText().isBlank()) {
                continue;
            }
            Integer quantity;
            BigDecimal price;
            try {
                quantity = Integer.valueOf(line.quantity().getText().strip());
                price = new BigDecimal(line.price().getText().strip());
            } catch (NumberFormatException e) {
                problem.setText("Item " + (i + 1) + ": quantity must be a whole number and unit price a decimal number such as 12.50.");
                return;
            }
            draftItems.add(new OrderItem(line.sku().getText().strip(), quantity, price));
        }
        create.setDisable(true);
        progress.setVisible(true);
        model.create(new OrderDraft(userId, draftItems)).whenComplete((order, error) -> {
            create.setDisable(false);
            progress.setVisible(false);
            if (error == null) {
                setResultConverter(button -> order);
                setResult(order);
                close();
                return;
            }
            Throwable cause = Calls.unwrap(error);
            if (cause instanceof ApiException api && !api.fieldErrors().isEmpty()) {
                StringBuilder text = new StringBuilder();
                for (FieldError field : api.fieldErrors()) {
                    if ("userId".equals(field.field())) {
                        userError.setText(field.message());
                    } else {
                        text.append(field.field() == null ? "" : field.field() + ": ").append(field.message()).append('\n');
                    }
                }
                problem.setText(text.toString().strip());
            } else if (cause instanceof ApiException api && api.status() == 422) {
                userError.setText(api.getMessage());
            } else {
                problem.setText(Calls.sentence(cause));
            }
        });
    }
}
