package org.opsconsole.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light and dark, from AtlantaFX's Primer pair. The theme is the application's user-agent
 * stylesheet; the console's own stylesheet adds chart and state colours and switches them with the
 * {@code theme-dark} style class on the scene's root.
 */
public enum Theme {
    LIGHT,
    DARK;

    static final String STYLESHEET = Theme.class.getResource("console.css").toExternalForm();

    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
        scene.getRoot().getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
