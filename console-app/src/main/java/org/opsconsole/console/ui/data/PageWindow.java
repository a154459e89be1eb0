package org.opsconsole.console.ui.data;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opsconsole.model.Page;

/**
 * Which slice of a server-side listing a table shows: offset, total and "1–50 of 10,000" ("1–50 of
 * about 1.2 M" when the service estimated the total of a large table), and the offsets of the
 * neighbouring pages. Shared by the users and orders tables.
 */
final class PageWindow {

    private final int pageSize;
    private final ReadOnlyIntegerWrapper offset = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    PageWindow(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Takes the position of a page the service answered; on the FX thread. */
    void show(Page<?> page) {
        offset.set(page.offset());
        total.set(page.total());
        String of = page.totalIsEstimate() ? "about " + rounded(page.total()) : String.format("%,d", page.total());
        text.set(page.total() == 0 ? "0 of 0"
                : String.format("%,d–%,d of %s", page.offset() + 1, page.offset() + page.items().size(), of));
    }

    /** An estimated count as a person says it: "12 K", "1.2 M". */
    static String rounded(long count) {
        if (count >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f M", count / 1_000_000.0).replace(".0 M", " M");
        }
        if (count >= 10_000) {
            return String.format(java.util.Locale.ROOT, "%d K", Math.round(count / 1_000.0));
        }
        return String.format("%,d", count);
    }

    ReadOnlyIntegerProperty offsetProperty() {
        return offset.getReadOnlyProperty();
    }

    ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    int offset() {
        return offset.get();
    }

    boolean hasPrevious() {
        return offset.get() > 0;
    }

    boolean hasNext() {
        return offset.get() + pageSize < total.get();
    }

    int nextOffset() {
        return offset.get() + pageSize;
    }

    int previousOffset() {
        return Math.max(0, offset.get() - pageSize);
    }

    /** The offset of the last page of {@code count} rows (0 when there are none). */
    int lastOffset(long count) {
        return count == 0 ? 0 : (int) (((count - 1) / pageSize) * pageSize);
    }
}
