package org.opsconsole.console.ui.services;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.opsconsole.console.session.AddedService;
import org.opsconsole.console.session.ConsoleSession;

import java.net.URI;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * "Add service...": which service it is, the URL of each instance, an optional name and API token.
 * What is wrong is said under the fields and the dialog stays open; OK answers a checked service.
 */
final class AddServiceDialog extends Dialog<AddServiceDialog.Result> {

    /** What the operator asked for: the service, and the token to send it (null for none). */
    record Result(AddedService service, String token) {
    }

    private final ChoiceBox<String> kind = new ChoiceBox<>();
    private final TextField urls = new TextField();
    private final TextField name = new TextField();
    private final PasswordField token = new PasswordField();
    private final Label tokenNote = new Label("Finding where the token would be kept…");
    private final Label error = new Label();

    /** @param taken whether a name is already used by a watched service */
    AddServiceDialog(Predicate<String> taken) {
        setTitle("Add service");
        setHeaderText("Watch a users or orders service that runs elsewhere");
        kind.getItems().addAll(ConsoleSession.USERS, ConsoleSession.ORDERS);
        kind.setValue(ConsoleSession.USERS);
        kind.setId("add-service-kind");
        urls.setId("add-service-url");
        urls.setPromptText("http://host:8081 (several instances: separate with commas)");
        urls.setPrefColumnCount(32);
        name.setId("add-service-name");
        name.setPromptText("users (host:port)");
        token.setId("add-service-token");
        token.setPromptText("none");
        tokenNote.setId("add-service-token-note");
        tokenNote.setWrapText(true);
        tokenNote.setMaxWidth(460);
        tokenNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tokenNote.getStyleClass().add("field-name");
        error.setId("add-service-error");
        error.getStyleClass().add("failure-reason");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Service"), kind);
        form.addRow(1, new Label("URL"), urls);
        form.addRow(2, new Label("Name"), name);
        form.addRow(3, new Label("API token"), token);
        getDialogPane().setContent(new VBox(10, form, tokenNote, error));

        ButtonType add = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        Button addButton = (Button) getDialogPane().lookupButton(add);
        addButton.setId("add-service-ok");
        addButton.addEventFilter(ActionEvent.ACTION, event -> {
            String problem = problem(taken);
            if (problem != null) {
                error.setText(problem);
                event.consume();   // stay open
            }
        });
        setResultConverter(button -> button == add ? new Result(service(), token.getText().isBlank() ? null : token.getText().strip()) : null);
        setOnShown(e -> urls.requestFocus());
    }

    /** Says where a token would be kept, once the session has asked the desktop. */
    void tokenNote(String sentence) {
        tokenNote.setText(sentence);
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();   // room for the whole sentence
        }
    }

    static String urls(AddedService service) {
        return service.urls().stream().map(URI::toString).collect(Collectors.joining(", "));
    }

    private AddedService service() {
        return AddedService.of(kind.getValue(), name.getText(), urls.getText());
    }

    private String problem(Predicate<String> taken) {
        try {
            AddedService service = service();
            if (taken.test(service.name())) {
                return AddedService.nameTaken(service.name());
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
