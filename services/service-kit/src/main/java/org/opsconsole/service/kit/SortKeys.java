package org.opsconsole.service.kit;

import io.helidon.webserver.http.ServerRequest;

import java.util.Map;
import java.util.Optional;

/**
 * What a listing may be sorted by: the {@code sort} query parameter's keys (a leading '-' sorts
 * descending) and the SQL each stands for. Ties are broken by id, so paging never repeats or skips
 * a row. The SQL comes from this table only, never from the request.
 */
public final class SortKeys {

    private final Map<String, String> columns;

    /** @param columns sort key to SQL expression; must hold "id" */
    public SortKeys(Map<String, String> columns) {
        this.columns = Map.copyOf(columns);
    }

    /** The request's {@code sort}, checked: a 400 that lists the keys when it names none of them. */
    public Optional<String> from(ServerRequest req) {
        Optional<String> sort = RequestParams.query(req, "sort");
        sort.filter(s -> !columns.containsKey(key(s))).ifPresent(s -> {
            throw ProblemException.badRequest("sort", "must be one of " + String.join(", ",
                    columns.keySet().stream().sorted().toList()) + ", optionally with a leading '-'");
        });
        return sort;
    }

    /** The ORDER BY expression for a checked {@code sort}; id order for null. */
    public String orderBy(String sort) {
        if (sort == null) {
            return "id";
        }
        String column = columns.get(key(sort));
        if (column == null) {
            throw new IllegalArgumentException("not a sort key: " + sort);
        }
        String direction = sort.startsWith("-") ? " DESC" : " ASC";
        return column.equals("id") ? "id" + direction : column + direction + ", id" + direction;
    }

    private static String key(String sort) {
        return sort.startsWith("-") ? sort.substring(1) : sort;
    }
}
