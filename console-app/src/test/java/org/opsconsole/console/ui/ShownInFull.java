package org.opsconsole.console.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.assertj.core.api.SoftAssertions;

/**
 * What a user reads on screen, as drawn: a label's text as its skin lays it out (with the ellipsis
 * when it does not fit), and whether a table's headers and filled cells are drawn whole, inside
 * the table, without an ellipsis.
 */
final class ShownInFull {

    private ShownInFull() {
    }

    /** The text a labeled control draws: its text, or a cut form of it ending in an ellipsis. */
    static String shownText(Node labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    /**
     * Every column header of {@code table} and every filled cell of its visible rows reads in full
     * and lies within the table's width (no column pushed off to the right, behind a scroll bar).
     */
    static void assertTableReadsInFull(TableView<?> table) {
        Bounds area = table.localToScene(table.getBoundsInLocal());
        SoftAssertions softly = new SoftAssertions();
        for (Node header : table.lookupAll(".column-header .label")) {
            if (header instanceof Labeled label && label.isVisible() && !label.getText().isEmpty()) {
                softly.assertThat(shownText(label)).as(table.getId() + " header, " + label.getParent().getLayoutBounds().getWidth() + " px wide, in a table of " + table.getWidth()).isEqualTo(label.getText());
                softly.assertThat(label.localToScene(label.getBoundsInLocal()).getMaxX())
                        .as(table.getId() + " header '" + label.getText() + "' right edge")
                        .isLessThanOrEqualTo(area.getMaxX() + 0.5);
            }
        }
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getText() != null
                    && !cell.getText().isEmpty() && cell.getTableRow() != null && cell.getTableRow().isVisible()) {
                softly.assertThat(shownText(cell)).as(table.getId() + " cell, " + cell.getWidth() + " px wide, in a table of " + table.getWidth()).isEqualTo(cell.getText());
                softly.assertThat(cell.localToScene(cell.getBoundsInLocal()).getMaxX())
                        .as(table.getId() + " cell '" + cell.getText() + "' right edge")
                        .isLessThanOrEqualTo(area.getMaxX() + 0.5);
            }
        }
        softly.assertAll();
    }
}
