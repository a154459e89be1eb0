package org.opsconsole.console.ui.fx;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Confirmations every screen asks the same way. */
public final class Confirm {

    private Confirm() {
    }

    /**
     * A confirmation before something that can't be undone: the action's button red (AtlantaFX's
     * danger) and not the default one, so Enter or Escape keep things as they are; {@code onConfirm}
     * runs only when the action's button is clicked. Its pane is {@code id}, the buttons
     * {@code id + "-ok"} and {@code id + "-cancel"} (ids given as "x-confirm" give "x-ok", "x-cancel").
     */
    public static Alert destructive(Window owner, String id, String title, String header, String content,
                                    String action, String keep, Runnable onConfirm) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OTHER);
        ButtonType stay = new ButtonType(keep, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, content, act, stay);
        confirm.initOwner(owner);
        confirm.setTitle(title);
        confirm.setHeaderText(header);
        DialogPane pane = confirm.getDialogPane();
        pane.setId(id);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        String prefix = id.endsWith("-confirm") ? id.substring(0, id.length() - "-confirm".length()) : id;
        Button actButton = (Button) pane.lookupButton(act);
        actButton.setId(prefix + "-ok");
        actButton.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        actButton.setDefaultButton(false);
        Button stayButton = (Button) pane.lookupButton(stay);
        stayButton.setId(prefix + "-cancel");
        stayButton.setDefaultButton(true);
        confirm.setOnShown(e -> stayButton.requestFocus());
        confirm.resultProperty().addListener((obs, was, answer) -> {
            if (answer == act) {
                onConfirm.run();
            }
        });
        return confirm;
    }
}
