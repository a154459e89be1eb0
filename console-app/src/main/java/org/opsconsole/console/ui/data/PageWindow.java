package org.opsconsole.console.ui.data;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opsconsole.model.Page;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Which slice of a server-side listing a table shows, and how to reach its neighbours at a cost
 * that does not grow with the depth: Next follows the service's cursor ({@code next}), Previous
 * goes back the way it came, Last asks for the end in the opposite sort (and Previous from there
 * continues that way), First asks for offset 0. Offsets are still counted, for "1–50 of 10,000 ·
 * page 1 of 200" ("1–50 of about 1.2 M · page 1 of about 24 K" when the service estimated the total). Shared by the users and orders
 * tables; changed on the FX thread.
 */
final class PageWindow {

    /** Where a page starts: an offset, or a link the service gave; reversed when asked in the opposite sort. */
    record Position(int offset, String link, boolean reversed, int limit) {
    }

    /** How a page was reached, which decides what Previous and Next do from it. */
    enum Move { FIRST, NEXT, PREVIOUS, LAST, STAY }

    private final int pageSize;
    private final ReadOnlyIntegerWrapper offset = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private Position current;
    private String nextLink;
    private String backLink;
    private final Deque<Position> back = new ArrayDeque<>();
    private final Deque<Position> forward = new ArrayDeque<>();

    PageWindow(int pageSize) {
        this.pageSize = pageSize;
        this.current = first();
    }

    // Positions of the neighbours //

    Position current() {
        return current;
    }

    Position first() {
        return new Position(0, null, false, pageSize);
    }

    Position next() {
        if (!forward.isEmpty()) {
            return forward.peek();
        }
        // by the service's cursor when it gave one, else by offset
        return new Position(offset.get() + pageSize, nextLink, false, pageSize);
    }

    Position previous() {
        if (!back.isEmpty()) {
            return back.peek();
        }
        int before = Math.max(0, offset.get() - pageSize);
        return backLink != null ? new Position(before, backLink, true, pageSize) : new Position(before, null, false, pageSize);
    }

    /** The last page of {@code count} rows, asked from the end (in the opposite sort): as cheap as the first. */
    Position last(long count) {
        int lastOffset = lastOffset(count);
        int rows = count == 0 ? pageSize : (int) Math.min(pageSize, count - lastOffset);
        return new Position(lastOffset, null, true, rows);
    }

    Position last() {
        return last(total.get());
    }

    /** The sort that reads a listing from its end: {@code name} for {@code -name}, {@code -id} for none. */
    static String reversed(String sort) {
        if (sort == null || sort.isBlank()) {
            return "-id";
        }
        return sort.startsWith("-") ? sort.substring(1) : "-" + sort;
    }

    /** A page asked for in the opposite sort, in the table's order. */
    static <T> Page<T> inTableOrder(Page<T> page) {
        List<T> items = new ArrayList<>(page.items());
        Collections.reverse(items);
        return new Page<>(items, page.total(), page.totalIsEstimate(), page.limit(), page.offset(), page.next());
    }

    // What is shown //

    /** Takes a page the service answered for {@code at}, reached by {@code move}; on the FX thread. */
    void show(Page<?> page, Position at, Move move) {
        switch (move) {
            case FIRST, LAST -> {
                back.clear();
                forward.clear();
            }
            case NEXT -> step(forward, back, at);
            case PREVIOUS -> step(back, forward, at);
            case STAY -> { }
        }
        current = at;
        nextLink = at.reversed() ? null : page.next();
        backLink = at.reversed() ? page.next() : null;
        offset.set(at.offset());
        total.set(page.total());
        text.set(page.total() == 0 && page.items().isEmpty() ? "0 of 0" : String.format("%,d–%,d of %s · page %,d of %s",
                at.offset() + 1, at.offset() + page.items().size(), said(page.total(), page.totalIsEstimate()),
                at.offset() / pageSize + 1, said(Math.max(at.offset() / pageSize + 1, (page.total() + pageSize - 1) / pageSize), page.totalIsEstimate())));
    }

    /**
     * A step to {@code at}: taken from {@code ahead} when it was the page waiting there (else the
     * pages ahead no longer follow), and the page left goes on {@code behind}.
     */
    private void step(Deque<Position> ahead, Deque<Position> behind, Position at) {
        if (!ahead.isEmpty() && ahead.peek().equals(at)) {
            ahead.pop();
        } else {
            ahead.clear();
        }
        behind.push(current);
    }

    /** A count as shown: exact with thousands separators, or "about 1.2 M" when estimated. */
    private static String said(long count, boolean estimate) {
        return estimate ? "about " + rounded(count) : String.format("%,d", count);
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

    /** Whether there is a page after this one: the service says so with its next link. */
    boolean hasNext() {
        return !forward.isEmpty() || nextLink != null;
    }

    /** The offset of the last page of {@code count} rows (0 when there are none). */
    int lastOffset(long count) {
        return count == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, ((count - 1) / pageSize) * pageSize);
    }
}
