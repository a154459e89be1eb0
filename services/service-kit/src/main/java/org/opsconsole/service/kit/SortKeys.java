package org.opsconsole.service.kit;

import io.helidon.dbclient.DbRow;
import io.helidon.webserver.http.ServerRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a listing may be sorted by: the {@code sort} query parameter's keys (a leading '-' sorts
 * descending), the SQL each stands for and the kind of its values (a cursor carries one). Ties are
 * broken by id, so paging never repeats or skips a row. The SQL comes from this table only, never
 * from the request.
 */
public final class SortKeys {

    /** The kind of a key's values: how a cursor writes one down and reads it back. */
    public enum Kind { WHOLE_NUMBER, TEXT, DECIMAL, TIME }

    /**
     * A sort key's SQL expression, the kind of its values and the index (key, id) that holds the
     * rows in its order (null when none is named: the database finds it by itself, except where a
     * listing's filter asks to be read along it, see {@link Listing.Filter#asBroad()}).
     */
    public record Key(String sql, Kind kind, String index) {

        /** The same key, read in order through index {@code name}. */
        public Key indexedBy(String name) {
            return new Key(sql, kind, name);
        }
    }

    private final Map<String, Key> keys;

    /** @param keys sort key to its SQL and kind; must hold "id" */
    public SortKeys(Map<String, Key> keys) {
        if (!keys.containsKey("id")) {
            throw new IllegalArgumentException("a listing sorts by id at least");
        }
        this.keys = Map.copyOf(keys);
    }

    public static Key wholeNumber(String sql) {
        return new Key(sql, Kind.WHOLE_NUMBER, null);
    }

    public static Key text(String sql) {
        return new Key(sql, Kind.TEXT, null);
    }

    public static Key decimal(String sql) {
        return new Key(sql, Kind.DECIMAL, null);
    }

    public static Key time(String sql) {
        return new Key(sql, Kind.TIME, null);
    }

    /** The request's {@code sort}, checked: a 400 that lists the keys when it names none of them. */
    public Optional<String> from(ServerRequest req) {
        Optional<String> sort = RequestParams.query(req, "sort");
        sort.filter(s -> !keys.containsKey(name(s))).ifPresent(s -> {
            throw ProblemException.badRequest("sort", "must be one of " + String.join(", ",
                    keys.keySet().stream().sorted().toList()) + ", optionally with a leading '-'");
        });
        return sort;
    }

    /** The ORDER BY expression for a checked {@code sort}; id order for null. */
    public String orderBy(String sort) {
        String direction = descending(sort) ? " DESC" : " ASC";
        Key key = key(sort);
        return key.sql().equals("id") ? "id" + direction : key.sql() + direction + ", id" + direction;
    }

    /** The key {@code sort} names; id for null. */
    Key key(String sort) {
        Key key = keys.get(sort == null ? "id" : name(sort));
        if (key == null) {
            throw new IllegalArgumentException("not a sort key: " + sort);
        }
        return key;
    }

    static boolean descending(String sort) {
        return sort != null && sort.startsWith("-");
    }

    /** A key's value in a row that selected it {@code AS sort_value}, as a cursor writes it. */
    static String valueText(Key key, DbRow row) {
        return switch (key.kind()) {
            case WHOLE_NUMBER -> Long.toString(Rows.longValue(row, Listing.SORT_VALUE));
            case TEXT -> Rows.text(row, Listing.SORT_VALUE);
            case DECIMAL -> Rows.decimal(row, Listing.SORT_VALUE).toPlainString();
            case TIME -> Rows.instant(row, Listing.SORT_VALUE).toString();
        };
    }

    /** A value a cursor wrote down, as a query parameter; an IllegalArgumentException when it is not one. */
    static Object valueParam(Key key, String text) {
        try {
            return switch (key.kind()) {
                case WHOLE_NUMBER -> Long.parseLong(text);
                case TEXT -> text;
                case DECIMAL -> new BigDecimal(text);
                case TIME -> Rows.param(Instant.parse(text));
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a " + key.kind() + ": " + text, e);
        }
    }

    private static String name(String sort) {
        return sort.startsWith("-") ? sort.substring(1) : sort;
    }
}
