package org.opsconsole.console.ui;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Monocle's headless robot marks every left-button press and release as a popup trigger, so a
 * click on a table's column header (which ignores popup-trigger clicks) never sorts. This passes
 * such left-button events on a column header on as a real mouse sends them; the test still clicks
 * the header.
 */
final class HeadlessClicks {

    private HeadlessClicks() {
    }

    private static boolean onColumnHeader(Object target) {
        for (Node node = target instanceof Node n ? n : null; node != null; node = node.getParent()) {
            if (node instanceof TableColumnHeader) {
                return true;
            }
        }
        return false;
    }

    /** Once per scene (a test's stage keeps its scene from one test to the next). */
    static void leftClicksAreNoPopupTriggers(Scene scene) {
        if (scene.getProperties().putIfAbsent(HeadlessClicks.class, Boolean.TRUE) != null) {
            return;
        }
        scene.addEventFilter(MouseEvent.ANY, e -> {
            if (e.isPopupTrigger() && e.getButton() == MouseButton.PRIMARY && onColumnHeader(e.getTarget())) {
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
