package org.opsconsole.service.kit;

import io.helidon.dbclient.DbExecute;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Event ids on PostgreSQL, where any number of service instances write: an event's id is its
 * transaction's id shifted left 16 bits plus its index within that transaction. Every
 * transaction below the oldest one still open ({@code pg_snapshot_xmin}) has ended, and any later
 * one gets a larger transaction id, so ids below {@code xmin << 16} are final: a reader that only
 * reads those never passes an event that commits later, and the order never changes.
 *
 * <p>Transaction ids fit in 47 bits for as long as a cluster lives (an epoch of 2^15 times 2^32
 * transactions), and 2^16 events per transaction is far above what one request writes.
 */
final class PostgresOutbox implements OutboxDialect {

    private static final String INSERT = "INSERT INTO outbox (id, type, subject_id, created_at, payload)"
            + " SELECT (t.xid << 16) + COALESCE((SELECT MAX(o.id) FROM outbox o"
            + "   WHERE o.id >= (t.xid << 16) AND o.id < ((t.xid + 1) << 16)) - (t.xid << 16) + 1, 0),"
            + " ?, ?, ?, ? FROM (SELECT pg_current_xact_id()::text::bigint AS xid) t RETURNING id";

    @Override
    public long insert(DbExecute tx, String type, long subjectId, OffsetDateTime createdAt, String payload) {
        return tx.get(INSERT, type, subjectId, createdAt, payload)
                .map(row -> Rows.longValue(row, "ID"))
                .orElseThrow(() -> new IllegalStateException("the outbox insert answered no id"));
    }

    @Override
    public void ended(long id) {
        // nothing to release: the database itself knows which transactions are open
    }

    @Override
    public String readableCondition() {
        return "id < (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 16)";
    }

    @Override
    public Object[] readableParams() {
        return new Object[0];
    }

    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(200);
    }
}
