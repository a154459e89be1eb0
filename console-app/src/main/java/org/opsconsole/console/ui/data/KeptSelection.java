package org.opsconsole.console.ui.data;

import javafx.collections.ListChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A table whose selected row stays selected, by id, when its rows are reloaded (a refresh, a page
 * the data changed under); a row can also be chosen before it is shown (one just created). When
 * the chosen row is not among those shown nothing is selected, and it is selected again when it
 * comes back. What the table itself does to the selection while its rows are replaced is not
 * taken for a choice.
 */
final class KeptSelection<T> {

    private final TableView<T> table;
    private final ToLongFunction<T> idOf;
    private Long chosen;
    private boolean replacing;

    private KeptSelection(TableView<T> table, ToLongFunction<T> idOf) {
        this.table = table;
        this.idOf = idOf;
    }

    /**
     * Shows {@code rows} in {@code table}, keeping the selection across their changes, and selects
     * each row whose id {@code touched} names (one just created or moved).
     */
    static <T> void show(TableView<T> table, ObservableList<T> rows, ToLongFunction<T> idOf,
                         ObservableValue<Long> touched) {
        KeptSelection<T> kept = new KeptSelection<>(table, idOf);
        // list listeners run in the order they were added: this one before the table's own
        // (which moves or clears the selection), the restoring one after it
        rows.addListener((ListChangeListener<T>) change -> kept.replacing = true);
        table.setItems(rows);
        rows.addListener((ListChangeListener<T>) change -> {
            kept.restore();
            kept.replacing = false;
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!kept.replacing) {
                kept.chosen = now == null ? null : idOf.applyAsLong(now);
            }
        });
        touched.addListener((obs, was, now) -> {
            if (now != null) {
                kept.select(now);
            }
        });
    }

    /** Selects the row of {@code id} now if it is shown, and whenever it is shown later. */
    private void select(long id) {
        chosen = id;
        replacing = true;
        try {
            restore();
        } finally {
            replacing = false;
        }
    }

    private void restore() {
        if (chosen == null) {
            return;
        }
        ObservableList<T> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (idOf.applyAsLong(items.get(i)) == chosen) {
                if (table.getSelectionModel().getSelectedIndex() != i
                        || !Objects.equals(table.getSelectionModel().getSelectedItem(), items.get(i))) {
                    table.getSelectionModel().select(i);
                }
                return;
            }
        }
        table.getSelectionModel().clearSelection();
    }
}
