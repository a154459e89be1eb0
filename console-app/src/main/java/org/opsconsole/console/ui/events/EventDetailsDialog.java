package org.opsconsole.console.ui.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import org.opsconsole.model.Json;
import org.opsconsole.model.ServiceEvent;

/**
 * One event in full, as its service sent it: the whole JSON, indented, to read and to copy.
 */
final class EventDetailsDialog extends Dialog<Void> {

    EventDetailsDialog(ServiceEvent event) {
        setTitle("Event " + event.id() + " of " + event.service());
        setHeaderText(event.type() + " · " + event.service() + " event #" + event.id() + " · subject " + event.subjectId()
                + (event.time() == null ? "" : " · " + EventsView.TIME.format(event.time())));
        TextArea json = new TextArea(json(event));
        json.setId("event-details-json");
        json.setEditable(false);
        json.setWrapText(false);
        json.setStyle("-fx-font-family: monospace;");
        json.setPrefRowCount(Math.min(24, (int) json.getText().lines().count() + 1));
        json.setPrefColumnCount(70);
        Button copy = new Button("Copy JSON");
        copy.setId("event-details-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(json.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        getDialogPane().setContent(new VBox(8, json, copy));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("event-details-close");
        setResizable(true);
    }

    static String json(ServiceEvent event) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return String.valueOf(event);
        }
    }
}
