package org.opsconsole.service.kit;

import io.helidon.dbclient.DbExecute;

import java.time.Duration;

/**
 * The database-specific half of the {@link Outbox}: how an event gets its id, and which ids a
 * reader may already see without ever skipping one that commits later.
 */
interface OutboxDialect {

    /** Inserts the row inside {@code tx} and answers its id; {@link #ended(long)} follows commit or rollback. */
    long insert(DbExecute tx, String type, long subjectId, java.time.OffsetDateTime createdAt, String payload);

    /** The transaction that inserted {@code id} has ended. */
    void ended(long id);

    /**
     * SQL condition on {@code id} that holds only for ids no open or future transaction can still
     * add to: every event a reader sees under it is final, in its final place.
     */
    String readableCondition();

    /** Parameters of {@link #readableCondition()}, taken at the moment of the read. */
    Object[] readableParams();

    /**
     * How often a waiting reader looks again even without a local write: zero when every write
     * comes through this process, else the other instances' events show up at this pace.
     */
    Duration pollInterval();

    static OutboxDialect forUrl(String jdbcUrl, Database db) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? new PostgresOutbox() : new InProcessOutbox(db);
    }
}
