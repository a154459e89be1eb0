package org.opsconsole.console.ui.placeholder;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Holds a screen's place in the navigation until the screen itself is built. */
public final class ComingLaterView extends VBox {

    public ComingLaterView(String title, String text) {
        getStyleClass().add("screen");
        setAlignment(Pos.TOP_LEFT);
        Label heading = new Label(title);
        heading.getStyleClass().add("screen-title");
        Label body = new Label(text);
        body.getStyleClass().add("placeholder-text");
        body.setMaxWidth(560);
        getChildren().addAll(heading, body);
    }
}
