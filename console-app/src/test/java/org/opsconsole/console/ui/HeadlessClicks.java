package org.opsconsole.console.ui;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Monocle's headless robot marks every left-button press and release as a popup trigger, so a
 * click on a table's column header (which ignores popup-trigger clicks) never sorts. This passes
 * such left-button events on as a real mouse sends them; the test still clicks the header.
 */
final class HeadlessClicks {

    private HeadlessClicks() {
    }

    static void leftClicksAreNoPopupTriggers(Scene scene) {
        scene.addEventFilter(MouseEvent.ANY, e -> {
            if (e.isPopupTrigger() && e.getButton() == MouseButton.PRIMARY) {
                e.consume();
                Event.fireEvent(e.getTarget(), new MouseEvent(e.getSource(), e.getTarget(), e.getEventType(),
                        e.getX(), e.getY(), e.getScreenX(), e.getScreenY(), e.getButton(), e.getClickCount(),
                        e.isShiftDown(), e.isControlDown(), e.isAltDown(), e.isMetaDown(),
                        e.isPrimaryButtonDown(), e.isMiddleButtonDown(), e.isSecondaryButtonDown(),
                        e.isBackButtonDown(), e.isForwardButtonDown(), e.isSynthesized(), false,
                        e.isStillSincePress(), e.getPickResult()));
            }
        });
    }
}
