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
import javafx.scene.layout.Region;
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
 * ones that count; what it says is shown next to the field it names (an item's line for
 * {@code items[i].…}), every one of them, and the rest under the form; the dialog grows to hold it.
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

    private record Line(TextField sku, TextField quantity, TextField price, Label amount, Label error) {
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
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setPrefWidth(500);
        userError.setMaxWidth(Double.MAX_VALUE);
        addLine();
        HBox userRow = new HBox(8, new Label("User id"), user);
        userRow.setStyle("-fx-alignment: center-left;");
        HBox totalRow = new HBox(12, addItem, total);
        totalRow.setStyle("-fx-alignment: center-left;");
        VBox content = new VBox(10, userRow, userError,
                lines, totalRow, problem, progress);
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        // grows with what it shows (lines, messages), so its buttons stay in view
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
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
                field("order-price-" + i, "Unit price", 90), new Label(), UserDialog.errorLabel("order-item-error-" + i));
        line.error().setMaxWidth(Double.MAX_VALUE);
        line.error().managedProperty().bind(line.error().textProperty().isNotEmpty());
        line.error().visibleProperty().bind(line.error().managedProperty());
        line.amount().setId("order-amount-" + i);
        line.amount().setMinWidth(80);
        line.quantity().textProperty().addListener((obs, was, now) -> updateTotal());
        line.price().textProperty().addListener((obs, was, now) -> updateTotal());
        items.add(line);
        if (i == 0) {
            lines.addRow(0, new Label("SKU"), new Label("Quantity"), new Label("Unit price"), new Label("Amount"));
        }
        // each line, and under it what is wrong with it
        lines.addRow(2 * i + 1, line.sku(), line.quantity(), line.price(), line.amount());
        lines.add(line.error(), 0, 2 * i + 2, 4, 1);
        updateTotal();
        fit();
    }

    /** The window takes the size of what the dialog now shows, so no line or message pushes the buttons out. */
    private void fit() {
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().requestLayout();
            getDialogPane().getScene().getWindow().sizeToScene();
        }
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
        clearErrors();
        Long userId = null;
        try {
            userId = Long.parseLong(user.getText().strip());
        } catch (NumberFormatException e) {
            userError.setText("Enter the id of the user this order is for (a number).");
        }
        List<OrderItem> draftItems = new ArrayList<>();
        boolean wrong = userId == null;
        for (int i = 0; i < items.size(); i++) {
            Line line = items.get(i);
            if (line.sku().getText().isBlank() && line.quantity().getText().isBlank() && line.price().getText().isBlank()) {
                continue;
            }
            Integer quantity = null;
            BigDecimal price = null;
            List<String> faults = new ArrayList<>();
            try {
                quantity = Integer.valueOf(line.quantity().getText().strip());
            } catch (NumberFormatException e) {
                faults.add("Quantity must be a whole number, such as 2.");
            }
            try {
                price = new BigDecimal(line.price().getText().strip());
                if (price.stripTrailingZeros().scale() > 2) {
                    faults.add("Unit price can have at most two decimal places (whole cents), such as 12.50.");
                } else {
                    // what the user typed ("5", "1.10000") as the service takes money: two places
                    price = price.setScale(2, RoundingMode.UNNECESSARY);
                }
            } catch (NumberFormatException e) {
                faults.add("Unit price must be a number such as 12.50.");
            }
            if (!faults.isEmpty()) {
                line.error().setText(String.join(" ", faults));
                wrong = true;
                continue;
            }
            draftItems.add(new OrderItem(line.sku().getText().strip(), quantity, price));
        }
        if (wrong) {
            fit();
            return;
        }
        create.setDisable(true);
        progress.setVisible(true);
        long forUser = userId;
        model.create(new OrderDraft(userId, draftItems)).whenComplete((order, error) -> {
            create.setDisable(false);
            progress.setVisible(false);
            if (error == null) {
                setResultConverter(button -> order);
                setResult(order);
                close();
                return;
            }
            showError(Calls.unwrap(error), forUser, draftItems.size());
            fit();
        });
    }

    private void clearErrors() {
        userError.setText("");
        problem.setText("");
        items.forEach(line -> line.error().setText(""));
    }

    /** Every field error next to its field (the item's line for items[i].…), the rest under the form. */
    private void showError(Throwable cause, long userId, int sent) {
        if (cause instanceof ApiException api && api.isUnavailable()) {
            problem.setText("The order was not created: the orders service could not check user " + userId
                    + " with the users service (" + stripped(api.getMessage())
                    + "). Start the users service, or wait until it answers, and create the order again.");
            return;
        }
        if (!(cause instanceof ApiException api) || api.fieldErrors().isEmpty()) {
            problem.setText(Calls.sentence(cause));
            return;
        }
        // the lines sent, in order: the service numbers only the non-blank ones
        List<Line> sentLines = items.stream().filter(l -> !(l.sku().getText().isBlank() && l.quantity().getText().isBlank()
                && l.price().getText().isBlank())).toList();
        List<String> other = new ArrayList<>();
        for (FieldError field : api.fieldErrors()) {
            String name = field.field() == null ? "" : field.field();
            java.util.regex.Matcher item = ITEM_FIELD.matcher(name);
            if (name.equals("userId")) {
                append(userError, sentence("User id", field.message()));
            } else if (item.matches() && Integer.parseInt(item.group(1)) < sentLines.size()) {
                Line line = sentLines.get(Integer.parseInt(item.group(1)));
                append(line.error(), sentence(switch (item.group(2) == null ? "" : item.group(2)) {
                    case "sku" -> "SKU";
                    case "quantity" -> "Quantity";
                    case "unitPrice" -> "Unit price";
                    default -> "This item";
                }, field.message()));
            } else if (name.equals("items")) {
                other.add(sentence(sent == 0 ? "The order" : "Items", sent == 0 ? "needs at least one item." : field.message()));
            } else {
                other.add(sentence(name.isEmpty() ? "The order" : name, field.message()));
            }
        }
        problem.setText(String.join("\n", other));
    }

    private static final java.util.regex.Pattern ITEM_FIELD = java.util.regex.Pattern.compile("items\\[(\\d+)](?:\\.(\\w+))?");

    private static void append(Label label, String text) {
        label.setText(label.getText().isEmpty() ? text : label.getText() + " " + text);
    }

    /** "Quantity" + "must be between 1 and 1000" -> "Quantity must be between 1 and 1000." */
    private static String sentence(String subject, String message) {
        String text = message == null ? "is not valid" : message.strip();
        if (text.startsWith("user ") || Character.isUpperCase(text.isEmpty() ? 'x' : text.charAt(0))) {
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        } else {
            text = subject + " " + text;
        }
        return text.endsWith(".") ? text : text + ".";
    }

    private static String stripped(String message) {
        return message == null ? "no answer" : message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
