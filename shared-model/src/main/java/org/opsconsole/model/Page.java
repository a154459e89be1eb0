package org.opsconsole.model;

import java.util.List;

/**
 * One page of a listing: the items, how many there are in all, the window asked for, and where
 * the next page starts.
 *
 * @param total           how many items the listing has in all; when {@code totalIsEstimate}, the
 *                        database's estimate (a table too large to count on every page)
 * @param offset          the offset asked for (0 for a page asked for by cursor)
 * @param next            the path and query of the next page, by cursor ({@code ...&after=...}),
 *                        costing the same at any depth; null on the last page
 */
public record Page<T>(List<T> items, long total, boolean totalIsEstimate, int limit, int offset, String next) {

    /** An exact page with no known next one. */
    public Page(List<T> items, long total, int limit, int offset) {
        this(items, total, false, limit, offset, null);
    }
}
