package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.webserver.http.ServerRequest;
import org.opsconsole.model.Json;
import org.opsconsole.model.Page;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The pages of a list endpoint, at a cost that does not grow with the table: by cursor (keyset:
 * {@code after=} continues past the last row of the previous page through the sort key's index,
 * whatever the depth), or by {@code offset} for the article's clients; and a total that does not
 * count a large table on every page (exact up to {@link #COUNTED_UP_TO} matching rows, beyond that
 * the database's estimate, or a count kept for {@link #COUNT_KEPT}, and marked as an estimate).
 */
public final class Listing {

    /** Up to this many matching rows, every page counts them exactly. */
    public static final int COUNTED_UP_TO = 10_000;
    /**
     * Up to this many rows, a search ({@link Filter#asSearch()}) counts them exactly; one that
     * PostgreSQL expects to find more than twice as many is not counted at all.
     */
    public static final int SEARCH_COUNTED_UP_TO = 100;
    /** How long an exact count of a large filtered listing is reused (H2, which gives no estimate). */
    static final Duration COUNT_KEPT = Duration.ofSeconds(30);
    static final String SORT_VALUE = "sort_value";
    /** An estimate this many times the rows a filter counts exactly is taken as it is, without a capped count first. */
    private static final int CLEARLY_MORE = 2;
    private static final int KEPT_COUNTS_MAX = 256;

    /**
     * A listing's WHERE clause (empty, or starting with " WHERE ") and its parameters; and what the
     * database can't see for itself when it picks the index to read a page by:
     *
     * @param orderedWithin a column the filter holds to one value that leads an index with the id,
     *                      (column, id): a page in id order is read from that index in its order
     *                      (H2 does not see that the fixed column leaves the index in id order, and
     *                      would read every selected row and sort them); null when none
     * @param broad         the filter may select a large share of the table (such as the orders in
     *                      one status): when it selects more than {@link #COUNTED_UP_TO} rows, a page
     *                      in another key's order is read along that key's index, skipping the rows
     *                      the filter leaves out, instead of reading every selected row to sort them
     *                      (H2 picks the filter's index otherwise)
     * @param countedUpTo   up to this many selected rows the total is counted exactly, beyond it
     *                      estimated: {@link #COUNTED_UP_TO}, less for a filter whose rows are dear
     *                      to count (see {@link #asSearch()})
     */
    public record Filter(String where, List<Object> params, String orderedWithin, boolean broad, int countedUpTo) {
        public static final Filter NONE = new Filter("", List.of());

        public Filter(String where, List<Object> params) {
            this(where, params, null, false, COUNTED_UP_TO);
        }

        /** The conditions joined by AND; no WHERE when there are none. */
        public static Filter of(List<String> conditions, List<Object> params) {
            return conditions.isEmpty() ? NONE : new Filter(" WHERE " + String.join(" AND ", conditions), List.copyOf(params));
        }

        /** The same rows, with {@code column} held to one value and leading an index (column, id). */
        public Filter withOrderWithin(String column) {
            return new Filter(where, params, column, broad, countedUpTo);
        }

        /** The same rows, said to be possibly a large share of the table. */
        public Filter asBroad() {
            return new Filter(where, params, orderedWithin, true, countedUpTo);
        }

        /**
         * The same rows, found by a search for text inside values (a trigram index on PostgreSQL):
         * a count reads the index's entries of every trigram of the text and each row found again
         * to check it, so its total is exact up to {@link #SEARCH_COUNTED_UP_TO} rows only (at a
         * million users, a search for a name's number matched 5,556 users: counting them cost 60 ms,
         * counting the first 1,001 30 ms, the page itself 1 ms).
         */
        public Filter asSearch() {
            return new Filter(where, params, orderedWithin, broad, SEARCH_COUNTED_UP_TO);
        }
    }

    /**
     * What one list request asks for: the sort, the page size, where the page starts, and the
     * path and query the next page's link repeats (without the position).
     */
    public record Window(String sort, int limit, int offset, Cursor after, String path, String query) {
    }

    /** Where a page by cursor starts: after the row with this sort value and id, in this sort. */
    public record Cursor(String sort, String value, long id) {

        String text() {
            byte[] json = JsonBodies.bytes(List.of(sort == null ? "" : sort, value, id));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        }

        static Cursor read(String text, String sort) {
            JsonNode fields;
            try {
                fields = Json.mapper().readTree(Base64.getUrlDecoder().decode(text));
            } catch (IOException | IllegalArgumentException e) {
                throw notACursor();
            }
            if (fields == null || !fields.isArray() || fields.size() != 3 || !fields.get(0).isTextual()
                    || !fields.get(1).isTextual() || !fields.get(2).canConvertToLong()) {
                throw notACursor();
            }
            String given = fields.get(0).asText();
            String asked = sort == null ? "" : sort;
            if (!given.equals(asked)) {
                throw ProblemException.badRequest("after", "continues a listing sorted by "
                        + (given.isEmpty() ? "id" : given) + ", not by " + (asked.isEmpty() ? "id" : asked)
                        + "; ask for the first page again (without after) to change the sort");
            }
            return new Cursor(sort, fields.get(1).asText(), fields.get(2).asLong());
        }

        private static ProblemException notACursor() {
            return ProblemException.badRequest("after", "is not a cursor this service gave; use the next link of "
                    + "the previous page, or leave after out for the first page");
        }
    }

    private record Total(long count, boolean estimate) {
    }

    private record KeptCount(long count, long countedAtNanos) {
    }

    private final Database db;
    private final String table;
    private final String columns;
    private final SortKeys keys;
    private final Map<String, KeptCount> keptCounts = new ConcurrentHashMap<>();
    private final java.util.Set<String> recounting = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<Long>> firstCounts = new ConcurrentHashMap<>();

    /** @param columns the SELECT list of a row (without the sort value, added here) */
    public Listing(Database db, String table, String columns, SortKeys keys) {
        this.db = db;
        this.table = table;
        this.columns = columns;
        this.keys = keys;
    }

    /** The request's window: sort, limit and offset or cursor, each checked (400 naming the parameter). */
    public static Window window(ServerRequest req, SortKeys keys) {
        String sort = keys.from(req).orElse(null);
        int limit = RequestParams.limit(req);
        Optional<String> after = RequestParams.query(req, "after");
        if (after.isPresent() && RequestParams.query(req, "offset").isPresent()) {
            throw ProblemException.badRequest("offset", "can't be given with after: a page starts either after a "
                    + "cursor or at an offset");
        }
        Cursor cursor = after.map(text -> Cursor.read(text, sort)).orElse(null);
        if (cursor != null) {
            try {
                SortKeys.valueParam(keys.key(sort), cursor.value());
            } catch (IllegalArgumentException e) {
                throw Cursor.notACursor();
            }
        }
        int offset = cursor == null ? RequestParams.offset(req) : 0;
        List<String> kept = new ArrayList<>();
        for (String name : req.query().names()) {
            if (!name.equals("after") && !name.equals("offset")) {
                for (String value : req.query().all(name)) {
                    kept.add(encode(name) + "=" + encode(value));
                }
            }
        }
        // the full path: req.path() is relative to the resource's mount point
        return new Window(sort, limit, offset, cursor, req.prologue().uriPath().path(), String.join("&", kept));
    }

    /** One page of the rows {@code filter} selects, turned into items by {@code toItems}. */
    public <T> Page<T> page(Filter filter, Window window, Function<List<DbRow>, List<T>> toItems) {
        DbExecute exec = db.client().execute();
        String sortIndex = keys.key(window.sort()).index();
        Slice slice;
        Total total;
        if (filter.broad() && !db.isPostgres() && sortIndex != null) {
            // H2 reads along the sort key's index only when the filter's rows are many: a filter that
            // selects few would be looked for along all of it; the count says which (PostgreSQL's
            // planner weighs the page's limit itself)
            total = total(exec, filter);
            slice = slice(exec, filter, window, total.count() > COUNTED_UP_TO ? " USE INDEX (" + sortIndex + ")" : "");
        } else {
            slice = slice(exec, filter, window, "");
            // a page from the start (or with rows) and without a next one holds the last rows: no count needed
            boolean holdsTheEnd = window.after() == null && slice.next() == null
                    && (window.offset() == 0 || !slice.rows().isEmpty());
            total = holdsTheEnd ? new Total(window.offset() + slice.rows().size(), false) : total(exec, filter);
        }
        return new Page<>(toItems.apply(slice.rows()), total.count(), total.estimate(), window.limit(), window.offset(), slice.next());
    }

    /**
     * One page of the rows that match any of {@code branches}, for a database that reads an OR of
     * conditions on different columns by scanning the table (H2). When few rows match, each
     * branch is read through an index of its own, as many rows as the page needs from each, in
     * the page's sort. When many match, the table is read in the sort's order and the first
     * matching rows make the page (they come often), except for the sorts along which the
     * matches lie together ({@code clusteredSorts}, as names for a search by the start of a
     * name): there the table would be read far before the first match, so those pages are read
     * branch by branch too (cheap when the branches' indexes hold the sort's key). The total is
     * exact while the branches' own counts (index ranges, read without their rows) are small,
     * else the largest of them, marked as an estimate.
     */
    public <T> Page<T> pageOfAny(List<Filter> branches, java.util.Set<String> clusteredSorts, Window window,
                                 Function<List<DbRow>, List<T>> toItems) {
        DbExecute exec = db.client().execute();
        List<Long> counts = branches.stream()
                .map(b -> count(exec, "SELECT COUNT(*) AS n FROM " + table + b.where(), b.params().toArray()))
                .toList();
        long sum = counts.stream().mapToLong(Long::longValue).sum();
        if (sum == 0) {
            return new Page<>(List.of(), 0, false, window.limit(), window.offset(), null);
        }
        Total total;
        if (sum <= 2L * COUNTED_UP_TO) {
            // each row once: those of a branch that no earlier branch selects
            long exact = counts.getFirst();
            for (int i = 1; i < branches.size(); i++) {
                Filter only = and(branches.get(i), not(anyOf(branches.subList(0, i))));
                exact += counts.get(i) == 0 ? 0 : count(exec, "SELECT COUNT(*) AS n FROM " + table + only.where(), only.params().toArray());
            }
            total = new Total(exact, false);
        } else {
            total = new Total(counts.stream().mapToLong(Long::longValue).max().orElse(0), true);
        }
        String sortName = window.sort() == null ? "id" : window.sort().replaceFirst("^-", "");
        Slice slice = total.count() > COUNTED_UP_TO && !clusteredSorts.contains(sortName)
                ? slice(exec, anyOf(branches), window, "")
                : unionSlice(exec, branches, window);
        return new Page<>(toItems.apply(slice.rows()), total.count(), total.estimate(), window.limit(), window.offset(), slice.next());
    }

    /** A page's rows (at most the limit) and the link to the next page when there is one. */
    private record Slice(List<DbRow> rows, String next) {
    }

    /** @param indexHint H2's USE INDEX for the table, or empty */
    private Slice slice(DbExecute exec, Filter filter, Window window, String indexHint) {
        Filter where = and(filter, beyondCursor(window));
        List<Object> params = new ArrayList<>(where.params());
        String sql = "SELECT " + columns + ", " + keys.key(window.sort()).sql() + " AS " + SORT_VALUE + " FROM " + table
                + indexHint + where.where() + " ORDER BY " + orderBy(filter, window.sort()) + window(window, params);
        return sliceOf(exec, sql, params, window);
    }

    /** The page's order; in id order, the filter's fixed column first, so the database sees its index is in that order. */
    private String orderBy(Filter filter, String sort) {
        if (filter.orderedWithin() != null && keys.key(sort).sql().equals("id")) {
            return filter.orderedWithin() + (SortKeys.descending(sort) ? " DESC, " : " ASC, ") + keys.orderBy(sort);
        }
        return keys.orderBy(sort);
    }

    /** The page from the union of each branch's first rows in the page's sort, each through its own index. */
    private Slice unionSlice(DbExecute exec, List<Filter> branches, Window window) {
        List<Object> params = new ArrayList<>();
        List<String> firsts = new ArrayList<>();
        Filter cursor = beyondCursor(window);
        for (Filter branch : branches) {
            Filter where = and(branch, cursor);
            params.addAll(where.params());
            params.add(window.offset() + window.limit() + 1);
            firsts.add("SELECT id FROM (SELECT id FROM " + table + where.where() + " ORDER BY " + keys.orderBy(window.sort())
                    + " FETCH FIRST ? ROWS ONLY)");
        }
        String sql = "SELECT " + columns + ", " + keys.key(window.sort()).sql() + " AS " + SORT_VALUE + " FROM " + table
                + " WHERE id IN (" + String.join(" UNION ", firsts) + ") ORDER BY " + keys.orderBy(window.sort())
                + window(window, params);
        return sliceOf(exec, sql, params, window);
    }

    /** The rows past the window's cursor, in its sort (no condition when it has none). */
    private Filter beyondCursor(Window window) {
        if (window.after() == null) {
            return Filter.NONE;
        }
        SortKeys.Key key = keys.key(window.sort());
        String beyond = SortKeys.descending(window.sort()) ? "<" : ">";
        if (key.sql().equals("id")) {
            return new Filter(" WHERE id " + beyond + " ?", List.of(window.after().id()));
        }
        // the first condition is the index's range, the second drops the ties already given
        Object value = SortKeys.valueParam(key, window.after().value());
        return new Filter(" WHERE " + key.sql() + " " + beyond + "= ? AND (" + key.sql() + " " + beyond + " ? OR id " + beyond + " ?)",
                List.of(value, value, window.after().id()));
    }

    /** OFFSET and FETCH of the window, one row more than asked (is there a next page?); their parameters added. */
    private static String window(Window window, List<Object> params) {
        String sql;
        if (window.after() == null) {
            sql = " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
            params.add(window.offset());
        } else {
            sql = " FETCH FIRST ? ROWS ONLY";
        }
        params.add(window.limit() + 1);
        return sql;
    }

    private Slice sliceOf(DbExecute exec, String sql, List<Object> params, Window window) {
        List<DbRow> rows;
        try (Stream<DbRow> stream = exec.query(sql, params.toArray())) {
            rows = stream.toList();
        }
        String next = null;
        if (rows.size() > window.limit()) {
            rows = rows.subList(0, window.limit());
            DbRow last = rows.getLast();
            Cursor cursor = new Cursor(window.sort(), SortKeys.valueText(keys.key(window.sort()), last), Rows.longValue(last, "ID"));
            next = window.path() + "?" + (window.query().isEmpty() ? "" : window.query() + "&") + "after=" + cursor.text();
        }
        return new Slice(rows, next);
    }

    private static Filter and(Filter a, Filter b) {
        if (a.where().isEmpty() || b.where().isEmpty()) {
            return a.where().isEmpty() ? b : a;
        }
        List<Object> params = new ArrayList<>(a.params());
        params.addAll(b.params());
        return new Filter(" WHERE (" + condition(a) + ") AND (" + condition(b) + ")", params, a.orderedWithin(), a.broad(),
                a.countedUpTo());
    }

    private static Filter not(Filter a) {
        return new Filter(" WHERE NOT (" + condition(a) + ")", a.params());
    }

    private static Filter anyOf(List<Filter> filters) {
        List<Object> params = new ArrayList<>();
        filters.forEach(f -> params.addAll(f.params()));
        return new Filter(" WHERE " + filters.stream().map(f -> "(" + condition(f) + ")")
                .collect(java.util.stream.Collectors.joining(" OR ")), params);
    }

    private static String condition(Filter filter) {
        return filter.where().substring(" WHERE ".length());
    }

    private Total total(DbExecute exec, Filter filter) {
        Object[] params = filter.params().toArray();
        if (!db.isPostgres() && filter.where().isEmpty()) {
            // H2 keeps a table's row count: counting all of it reads no row
            return new Total(count(exec, "SELECT COUNT(*) AS n FROM " + table), false);
        }
        // PostgreSQL's estimate costs nothing: when it is far beyond the exact range, counting the
        // first 10,001 rows only to learn that they are more would cost the most of the page
        Optional<Long> estimate = !db.isPostgres() ? Optional.empty()
                : filter.where().isEmpty() ? tableEstimate(exec) : planEstimate(exec, filter);
        int upTo = filter.countedUpTo();
        if (estimate.isPresent() && estimate.get() > CLEARLY_MORE * upTo) {
            return new Total(estimate.get(), true);
        }
        long counted = count(exec, "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM " + table + filter.where()
                + " FETCH FIRST " + (upTo + 1) + " ROWS ONLY) capped", params);
        if (counted <= upTo) {
            return new Total(counted, false);
        }
        if (estimate.isPresent()) {
            return new Total(Math.max(upTo + 1L, estimate.get()), true);
        }
        return keptCount(exec, filter);
    }

    private static long count(DbExecute exec, String sql, Object... params) {
        return exec.get(sql, params).map(row -> Rows.longValue(row, "N")).orElse(0L);
    }

    /** PostgreSQL's own estimate of the table's rows (kept by ANALYZE and autovacuum); empty before the first. */
    private Optional<Long> tableEstimate(DbExecute exec) {
        return exec.get("SELECT reltuples AS n FROM pg_class WHERE oid = CAST(? AS regclass)", table)
                .map(row -> Rows.longValue(row, "N"))
                .filter(n -> n >= 0);
    }

    /** The rows PostgreSQL's planner expects the filter to select. */
    private Optional<Long> planEstimate(DbExecute exec, Filter filter) {
        try (Stream<DbRow> plan = exec.query("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + table + filter.where(),
                filter.params().toArray())) {
            return plan.findFirst()
                    .map(row -> Rows.text(row, "QUERY PLAN"))
                    .map(text -> {
                        try {
                            return Json.mapper().readTree(text).path(0).path("Plan").path("Plan Rows").asLong(-1);
                        } catch (IOException e) {
                            return -1L;
                        }
                    })
                    .filter(n -> n >= 0);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * An exact count, made once and then given as an estimate (rows may have changed since); once
     * older than {@link #COUNT_KEPT} it is counted again in the background while the old one is
     * still given, so only the first page of a listing ever waits for a count of a large table.
     */
    private Total keptCount(DbExecute exec, Filter filter) {
        String key = filter.where() + " " + filter.params();
        KeptCount kept = keptCounts.get(key);
        if (kept == null) {
            // one count for every request that finds none kept: the others wait for its answer
            // instead of each reading the same rows at once
            CompletableFuture<Long> mine = new CompletableFuture<>();
            CompletableFuture<Long> running = firstCounts.putIfAbsent(key, mine);
            if (running != null) {
                try {
                    return new Total(running.join(), false);
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
            try {
                long counted = count(exec, "SELECT COUNT(*) AS n FROM " + table + filter.where(), filter.params().toArray());
                if (keptCounts.size() >= KEPT_COUNTS_MAX) {
                    keptCounts.clear();
                }
                keptCounts.put(key, new KeptCount(counted, System.nanoTime()));
                mine.complete(counted);
                return new Total(counted, false);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                firstCounts.remove(key, mine);
            }
        }
        if (System.nanoTime() - kept.countedAtNanos() >= COUNT_KEPT.toNanos() && recounting.add(key)) {
            Thread.ofVirtual().name("recount-" + table).start(() -> {
                try {
                    long counted = count(db.client().execute(), "SELECT COUNT(*) AS n FROM " + table + filter.where(),
                            filter.params().toArray());
                    keptCounts.put(key, new KeptCount(counted, System.nanoTime()));
                } catch (RuntimeException e) {
                    // the old count stays; the next page after COUNT_KEPT tries again
                } finally {
                    recounting.remove(key);
                }
            });
        }
        return new Total(kept.count(), true);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
