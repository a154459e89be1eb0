package org.opsconsole.service.kit;

import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Rows made by the database itself, {@code INSERT ... SELECT} over a range of numbers, in
 * batches: demo data at the scale of a real customer (a million users in a minute, not hours of
 * single inserts). Each row's values are a function of its number {@code r.x}, which is also its
 * id; the table's identity then continues after the largest. Bulk rows have no events.
 */
public final class BulkRows {

    /** Rows per statement (and per transaction). */
    static final int BATCH = 50_000;

    private final Database db;

    public BulkRows(Database db) {
        this.db = db;
    }

    /**
     * Inserts rows 1 to {@code count} with {@code insert}, an INSERT whose SELECT reads
     * {@link #numbers()}; {@code progress} hears how many are in after each batch. A table with an
     * identity column {@code id} (the rows' numbers) then has it continue after the largest.
     */
    public void fill(String table, boolean identity, long count, String insert, LongConsumer progress) {
        for (long first = 1; first <= count; first += BATCH) {
            long last = Math.min(count, first + BATCH - 1);
            db.client().execute().insert(insert, first, last);
            progress.accept(last);
        }
        if (identity) {
            continueIds(table);
        }
        if (db.isPostgres()) {
            // the planner's statistics, which list totals are estimated from, before the first list
            db.client().execute().dml("ANALYZE " + table);
        }
    }

    /** The FROM item of the numbers of one batch (two parameters, first and last), as {@code r.x}. */
    public String numbers() {
        return db.isPostgres() ? "generate_series(CAST(? AS BIGINT), CAST(? AS BIGINT)) AS r(x)" : "SYSTEM_RANGE(?, ?) r";
    }

    /** A SQL expression that picks {@code texts[number mod texts.length]}. */
    public static String pick(String number, String... texts) {
        return "CASE MOD(" + number + ", " + texts.length + ")"
                + IntStream.range(0, texts.length)
                        .mapToObj(i -> " WHEN " + i + " THEN '" + texts[i].replace("'", "''") + "'")
                        .collect(Collectors.joining())
                + " END";
    }

    /** A timestamp {@code total - number} seconds before now: row 1 the oldest, the last one now. */
    public static String secondsAgo(String number, long total) {
        return "CURRENT_TIMESTAMP - (" + total + " - " + number + ") * INTERVAL '1' SECOND";
    }

    private void continueIds(String table) {
        long max = db.client().execute().get("SELECT COALESCE(MAX(id), 0) AS n FROM " + table)
                .map(row -> Rows.longValue(row, "N")).orElse(0L);
        if (db.isPostgres()) {
            db.client().execute().get("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + Math.max(1, max) + ")");
        } else {
            db.client().execute().dml("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (max + 1));
        }
    }
}
