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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.opsconsole.console.api.ApiException;
import org.opsconsole.model.FieldError;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;

/**
 * Add or edit one user. Save stays in the dialog while the service answers: on success the dialog
 * closes with the saved user; a refusal shows the service's message next to the field it concerns;
 * a version conflict says what happened and offers to reload, and nothing is overwritten.
 */
final class UserDialog extends Dialog<User> {

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final UsersViewModel model;
    private User existing;
    private final TextField name = new TextField();
    private final TextField email = new TextField();
    private final Label nameError = errorLabel("user-name-error");
    private final Label emailError = errorLabel("user-email-error");
    private final Label problem = errorLabel("user-dialog-error");
    /** What happened that is not a problem ("Reloaded: ..."), in the ordinary text colour. */
    private final Label note = noteLabel("user-dialog-note");
    private final Button reload = new Button("Reload");
    private final ProgressIndicator progress = new ProgressIndicator();

    UserDialog(Window owner, UsersViewModel model, User existing) {
        this.model = model;
        this.existing = existing;
        initOwner(owner);
        setTitle(existing == null ? "Add user" : "Edit user " + existing.id());
        setHeaderText(existing == null ? "A new user" : "User " + existing.id() + " (version " + existing.version() + ")");
        name.setId("user-name");
        name.setPromptText("Full name, 1 to 100 characters");
        email.setId("user-email");
        email.setPromptText("name@example.com");
        if (existing != null) {
            name.setText(existing.name());
            email.setText(existing.email());
        }
        reload.setId("user-dialog-reload");
        reload.setMinWidth(Region.USE_PREF_SIZE);
        reload.setVisible(false);
        reload.setManaged(false);
        reload.setOnAction(e -> reload());
        progress.setId("user-dialog-progress");
        progress.setPrefSize(18, 18);
        progress.setVisible(false);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        Label nameLabel = new Label("Name");
        Label emailLabel = new Label("Email");
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        emailLabel.setMinWidth(Region.USE_PREF_SIZE);
        form.addRow(0, nameLabel, name);
        form.add(nameError, 1, 1);
        form.addRow(2, emailLabel, email);
        form.add(emailError, 1, 3);
        name.setPrefColumnCount(30);
        email.setPrefColumnCount(30);
        // the message wraps within the dialog's width, Reload below it; the dialog grows to hold them
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setPrefWidth(420);
        VBox content = new VBox(10, form, problem, note, reload, progress);
        content.setPrefWidth(440);
        getDialogPane().setContent(content);
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("user-dialog-save");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("user-dialog-cancel");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save(save);
        });
        setResultConverter(button -> null);
        setOnShown(e -> name.requestFocus());
    }

    private void save(Button save) {
        clearErrors();
        save.setDisable(true);
        progress.setVisible(true);
        UserDraft draft = new UserDraft(name.getText(), email.getText());
        model.save(existing, draft).whenComplete((saved, error) -> {
            save.setDisable(false);
            progress.setVisible(false);
            if (error == null) {
                setResultConverter(button -> saved);
                setResult(saved);
                close();
            } else {
                showError(Calls.unwrap(error), draft);
                fit();
            }
        });
    }

    private void showError(Throwable error, UserDraft draft) {
        if (error instanceof ApiException api) {
            if (api.isVersionConflict()) {
                problem.setText("Someone else changed this user after you opened it, so nothing was saved (your name \""
                        + draft.name() + "\", email \"" + draft.email() + "\"). Reload to see the current values, then make your change again.");
                reload.setVisible(true);
                reload.setManaged(true);
                return;
            }
            if (api.isNotFound() && existing != null) {
                problem.setText("This user no longer exists: someone deleted it after you opened it.");
                return;
            }
            boolean placed = false;
            for (FieldError field : api.fieldErrors()) {
                Label label = switch (field.field() == null ? "" : field.field()) {
                    case "name" -> nameError;
                    case "email" -> emailError;
                    default -> null;
                };
                if (label != null) {
                    label.setText(label.getText().isEmpty() ? sentence(field.message()) : label.getText() + " " + sentence(field.message()));
                    placed = true;
                }
            }
            if (api.isConflict()) {
                emailError.setText("Another user already has the email " + draft.email() + ".");
                return;
            }
            if (placed) {
                return;
            }
        }
        problem.setText(Calls.sentence(error));
    }

    /** Grows (or shrinks) the window to what the dialog now shows, so no message pushes the buttons out. */
    private void fit() {
        getDialogPane().requestLayout();
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window != null) {
            window.sizeToScene();
        }
    }

    private void reload() {
        if (existing == null) {
            return;
        }
        reload.setDisable(true);
        progress.setVisible(true);
        model.reload(existing.id()).whenComplete((fresh, error) -> {
            reload.setDisable(false);
            progress.setVisible(false);
            if (error != null) {
                problem.setText(Calls.sentence(error));
                fit();
                return;
            }
            existing = fresh;
            name.setText(fresh.name());
            email.setText(fresh.email());
            setHeaderText("User " + fresh.id() + " (version " + fresh.version() + ")");
            clearErrors();
            note.setText("Reloaded: these are the current values (version " + fresh.version() + "). Make your change and save again.");
            fit();
        });
    }

    private void clearErrors() {
        nameError.setText("");
        emailError.setText("");
        problem.setText("");
        note.setText("");
        reload.setVisible(false);
        reload.setManaged(false);
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    static Label noteLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(360);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static Label errorLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(360);
        label.setStyle("-fx-text-fill: -color-danger-fg;");
        return label;
    }
}
