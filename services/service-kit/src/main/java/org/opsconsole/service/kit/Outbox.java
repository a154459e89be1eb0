package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import org.opsconsole.model.Json;
import org.opsconsole.model.ServiceEvent;

import java.time.Instant;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * A service's domain events, written to the {@code outbox} table in the same transaction as the
 * change they describe, and read back in id order.
 *
 * <p>Ids come from this process, not the database, so that readers never skip an event: a reader
 * sees events only up to the lowest id still in an open transaction (its "horizon"), which keeps
 * an event committed late from landing behind a reader that has moved on. This relies on one
 * process owning the database, which H2's file lock guarantees.
 */
public final class Outbox {

    private final String service;
    private final AtomicLong lastAssigned;
    private final NavigableSet<Long> inFlight = new ConcurrentSkipListSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();

    public Outbox(String service, Database db) {
        this.service = service;
        long max = db.client().execute().get("SELECT COALESCE(MAX(id), 0) FROM outbox")
                .map(row -> row.column(1).get())
                .map(value -> value == null ? 0L : ((Number) value).longValue())
                .orElse(0L);
        this.lastAssigned = new AtomicLong(max);
    }

    /** A pending event of the current transaction; call {@link Pending#done()} after commit or rollback. */
    public final class Pending implements AutoCloseable {
        private final long id;

        private Pending(long id) {
            this.id = id;
        }

        public long id() {
            return id;
        }

        @Override
        public void close() {
            done();
        }

        public void done() {
            if (inFlight.remove(id)) {
                signal();
            }
        }
    }

    /** Writes an event inside {@code tx}; close the returned handle once the transaction has ended. */
    public Pending append(DbExecute tx, String type, long subjectId, Object data) {
        long id = lastAssigned.incrementAndGet();
        inFlight.add(id);
        Pending pending = new Pending(id);
        try {
            tx.insert("INSERT INTO outbox (id, type, subject_id, created_at, payload) VALUES (?, ?, ?, ?, ?)",
                    id, type, subjectId, Rows.param(Instant.now()),
                    new String(JsonBodies.bytes(data), java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            pending.done();
            throw e;
        }
        return pending;
    }

    /** The highest id below which every event is committed (or rolled back) and safe to read. */
    public long horizon() {
        Long lowestOpen = inFlight.isEmpty() ? null : inFlight.first();
        return lowestOpen == null ? lastAssigned.get() : lowestOpen - 1;
    }

    /** Up to {@code limit} events with id greater than {@code after}, in order. */
    public List<ServiceEvent> after(DbExecute db, long after, int limit) {
        long horizon = horizon();
        if (horizon <= after) {
            return List.of();
        }
        try (Stream<DbRow> rows = db.query("SELECT id, type, subject_id, created_at, payload FROM outbox"
                + " WHERE id > ? AND id <= ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", after, horizon)) {
            return rows.map(this::toEvent).toList();
        }
    }

    /** Waits until an event past {@code after} may be readable, or the timeout ends. */
    public void awaitAfter(long after, long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            if (horizon() <= after) {
                published.await(timeout, unit);
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
        lock.lock();
        try {
            published.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private ServiceEvent toEvent(DbRow row) {
        JsonNode data;
        try {
            data = Json.mapper().readTree(row.column("PAYLOAD").get(String.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + row.column("ID").get() + " holds invalid JSON", e);
        }
        return new ServiceEvent(row.column("ID").get(Long.class), row.column("TYPE").get(String.class), service,
                row.column("SUBJECT_ID").get(Long.class), Rows.instant(row, "CREATED_AT"), data);
    }
}
