package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import org.opsconsole.model.Json;
import org.opsconsole.model.ServiceEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A service's domain events, written to the {@code outbox} table in the same transaction as the
 * change they describe, and read back in id order: every reader sees every committed event
 * exactly once, in one order that never changes (see {@link OutboxDialect} for how each
 * database makes that true).
 */
public final class Outbox {

    private static final String COLUMNS = "id, type, subject_id, created_at, payload";

    private final String service;
    private final Database db;
    private final OutboxDialect dialect;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final AtomicLong changes = new AtomicLong();

    public Outbox(String service, Database db) {
        this.service = service;
        this.db = db;
        this.dialect = OutboxDialect.forUrl(db.jdbcUrl(), db);
    }

    /** One transaction of a change and the events it emits. */
    public final class Changes {
        private final DbExecute tx;
        private final List<Long> emitted = new ArrayList<>();

        private Changes(DbExecute tx) {
            this.tx = tx;
        }

        /** The transaction to run the change's statements in. */
        public DbExecute exec() {
            return tx;
        }

        /** Appends an event to the outbox in this transaction; answers its id. */
        public long emit(String type, long subjectId, Object data) {
            long id = dialect.insert(tx, type, subjectId, Rows.param(Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                    new String(JsonBodies.bytes(data), StandardCharsets.UTF_8));
            emitted.add(id);
            return id;
        }
    }

    /**
     * Runs {@code work} in one transaction (committed if it returns, rolled back if it throws);
     * its events become readable once it has ended.
     */
    public <T> T inTransaction(Function<Changes, T> work) {
        List<Long> emitted = new ArrayList<>();
        try {
            return db.inTransaction(tx -> {
                Changes changes = new Changes(tx);
                try {
                    return work.apply(changes);
                } finally {
                    emitted.addAll(changes.emitted);
                }
            });
        } finally {
            if (!emitted.isEmpty()) {
                emitted.forEach(dialect::ended);
                signal();
            }
        }
    }

    /** Up to {@code limit} events with id greater than {@code after}, in order. */
    public List<ServiceEvent> after(long after, int limit) {
        List<Object> params = new ArrayList<>(List.of(dialect.readableParams()));
        params.addFirst(after);
        try (Stream<DbRow> rows = db.client().execute().query("SELECT " + COLUMNS + " FROM outbox WHERE id > ? AND "
                + dialect.readableCondition() + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", params.toArray())) {
            return rows.map(this::toEvent).toList();
        }
    }

    /** The position just before the last {@code count} readable events (0 when there are fewer). */
    public long tailStart(int count) {
        DbExecute exec = db.client().execute();
        Object[] params = dialect.readableParams();
        if (count == 0) {
            return exec.get("SELECT COALESCE(MAX(id), 0) AS last_id FROM outbox WHERE " + dialect.readableCondition(),
                    params).map(row -> Rows.longValue(row, "LAST_ID")).orElse(0L);
        }
        return exec.get("SELECT COALESCE(MIN(id) - 1, 0) AS start_id FROM (SELECT id FROM outbox WHERE "
                        + dialect.readableCondition() + " ORDER BY id DESC FETCH FIRST " + count + " ROWS ONLY) tail",
                params).map(row -> Rows.longValue(row, "START_ID")).orElse(0L);
    }

    /** A counter of the transactions with events that this process ended; read it before reading events. */
    public long changeCount() {
        return changes.get();
    }

    /**
     * Waits until this process ends another transaction with events after {@code seen} (a
     * {@link #changeCount()}), or, when other processes write too, until it is time to look
     * again; at most {@code timeout}.
     */
    public void awaitChange(long seen, Duration timeout) throws InterruptedException {
        Duration poll = dialect.pollInterval();
        long nanos = (poll.isZero() || poll.compareTo(timeout) > 0 ? timeout : poll).toNanos();
        lock.lock();
        try {
            while (changes.get() == seen && nanos > 0) {
                nanos = written.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting reader, e.g. so that open streams notice their service stopping. */
    public void wakeAll() {
        signal();
    }

    private void signal() {
        changes.incrementAndGet();
        lock.lock();
        try {
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private ServiceEvent toEvent(DbRow row) {
        JsonNode data;
        try {
            data = Json.mapper().readTree(Rows.text(row, "PAYLOAD"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + Rows.longValue(row, "ID") + " holds invalid JSON", e);
        }
        return new ServiceEvent(Rows.longValue(row, "ID"), Rows.text(row, "TYPE"), service,
                Rows.longValue(row, "SUBJECT_ID"), Rows.instant(row, "CREATED_AT"), data);
    }
}
