package org.opsconsole.service.kit;

import io.helidon.dbclient.DbExecute;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.TreeSet;

/**
 * Event ids for a database that one process owns (an H2 file is locked to its process): ids come
 * from this process, and a reader sees ids only below the lowest one whose transaction is still
 * open, so an event that commits late never lands behind a reader that moved on.
 *
 * <p>Assigning an id and registering it as in flight happen under one lock, and so does reading
 * the bound: no reader can see a bound past an id that is assigned but not yet registered.
 */
final class InProcessOutbox implements OutboxDialect {

    private final Object lock = new Object();
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long lastAssigned;

    InProcessOutbox(Database db) {
        this.lastAssigned = db.client().execute().get("SELECT COALESCE(MAX(id), 0) AS max_id FROM outbox")
                .map(row -> Rows.longValue(row, "MAX_ID"))
                .orElse(0L);
    }

    @Override
    public long insert(DbExecute tx, String type, long subjectId, OffsetDateTime createdAt, String payload) {
        long id;
        synchronized (lock) {
            id = ++lastAssigned;
            inFlight.add(id);
        }
        try {
            tx.insert("INSERT INTO outbox (id, type, subject_id, created_at, payload) VALUES (?, ?, ?, ?, ?)",
                    id, type, subjectId, createdAt, payload);
        } catch (RuntimeException e) {
            ended(id);
            throw e;
        }
        return id;
    }

    @Override
    public void ended(long id) {
        synchronized (lock) {
            inFlight.remove(id);
        }
    }

    /** The highest id at or below which every event is committed or rolled back. */
    long bound() {
        synchronized (lock) {
            return inFlight.isEmpty() ? lastAssigned : inFlight.first() - 1;
        }
    }

    @Override
    public String readableCondition() {
        return "id <= ?";
    }

    @Override
    public Object[] readableParams() {
        return new Object[] {bound()};
    }

    @Override
    public Duration pollInterval() {
        return Duration.ZERO;
    }
}
