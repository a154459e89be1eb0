package org.opsconsole.service.kit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for an H2 file database: transactions commit in memory, and before any of them is
 * acknowledged one {@code CHECKPOINT} writes every transaction committed so far to the file.
 *
 * <p>With H2's {@code WRITE_DELAY=0} every commit writes its own chunk to the file, and H2 keeps
 * a freed chunk's space for its 45 s retention time before it reuses it, so under write load the
 * file grows by the bytes of 45 s of chunks. Here the database runs with a write delay (H2's own
 * background writer) and {@link #awaitDurable} makes the acknowledgement wait for the file
 * instead: the first transaction to wait becomes the leader, lingers while other write
 * transactions are still running (at most {@link #LINGER}), then checkpoints for all of them; the
 * ones that committed meanwhile wait for the next checkpoint. Concurrent writers share one chunk,
 * which keeps the file small and saves the work of writing a chunk per request; a lone writer
 * waits for nothing but its own checkpoint. Like {@code WRITE_DELAY=0} it survives {@code kill -9}
 * (the checkpoint is in the file, though not fsynced, before the answer leaves).
 */
final class GroupCommit implements AutoCloseable {

    /** How long a leader waits for running write transactions to join its checkpoint. */
    static final Duration LINGER = Duration.ofMillis(1);

    private final String jdbcUrl;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int writing;
    private long committed;
    private long durable;
    private boolean flushing;
    private Connection connection;
    private boolean closed;

    GroupCommit(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** A write transaction begins. */
    void begin() {
        lock.lock();
        try {
            writing++;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A write transaction has ended; when it committed, answers its ticket for
     * {@link #awaitDurable}, else -1.
     */
    long end(boolean commit) {
        lock.lock();
        try {
            writing--;
            changed.signalAll();
            return commit ? ++committed : -1;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the transaction with {@code ticket} is in the database file. */
    void awaitDurable(long ticket) {
        lock.lock();
        try {
            while (durable < ticket) {
                if (flushing) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long lingerUntil = System.nanoTime() + LINGER.toNanos();
                long left;
                while (writing > 0 && (left = lingerUntil - System.nanoTime()) > 0) {
                    changed.awaitNanos(left);
                }
                long upTo = committed;
                lock.unlock();
                try {
                    checkpoint();
                } finally {
                    lock.lock();
                    flushing = false;
                    changed.signalAll();
                }
                durable = Math.max(durable, upTo);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database file", e);
        } finally {
            lock.unlock();
        }
    }

    /** Writes everything committed so far to the file now. */
    void flushNow() {
        lock.lock();
        long upTo;
        try {
            upTo = committed;
        } finally {
            lock.unlock();
        }
        checkpoint();
        lock.lock();
        try {
            durable = Math.max(durable, upTo);
        } finally {
            lock.unlock();
        }
    }

    /** Only the leader (one thread at a time) or {@link #flushNow} gets here. */
    private synchronized void checkpoint() {
        if (closed) {
            // a new connection would open the database again after the service closed it
            throw new IllegalStateException("the database is closed");
        }
        try {
            if (connection == null || connection.isClosed()) {
                // its own connection, so a checkpoint never waits for the pool the writers hold
                connection = DriverManager.getConnection(jdbcUrl, "sa", "");
            }
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            closeConnection();
            throw new IllegalStateException("the database file could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeConnection();
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the database closes with the pool anyway
        } finally {
            connection = null;
        }
    }
}
