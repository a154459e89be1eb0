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
 * ones that committed meanwhile wait for the next checkpoint. Concurrent writers share one chunk;
 * a lone writer waits for nothing but its own checkpoint. Like {@code WRITE_DELAY=0} it survives
 * {@code kill -9} (the checkpoint is in the file, though not fsynced, before the answer leaves).
 *
 * <p>The checkpoint runs with the leader's interrupt flag cleared (H2 swallows an interrupt while it
 * waits for its own chunk write and returns as if it had written), on one connection opened at
 * start and never opened again: a new connection to a database that failed could open a fresh copy
 * of the file, whose checkpoint would succeed with nothing to write. Once that connection fails,
 * every write is refused until the service is restarted.
 */
final class GroupCommit implements AutoCloseable {

    /** How long a leader waits for running write transactions to join its checkpoint. */
    static final Duration LINGER = Duration.ofMillis(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Connection connection;
    private int writing;
    private long committed;
    private long durable;
    private boolean flushing;
    private volatile String broken;

    /** Opens the checkpoint connection and writes everything committed so far (the migration). */
    GroupCommit(String jdbcUrl) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        checkpoint();
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

    /** Returns once the transaction with {@code ticket} is in the database file; throws when it can't be. */
    void awaitDurable(long ticket) {
        boolean interrupted = false;
        lock.lock();
        try {
            while (durable < ticket) {
                if (broken != null) {
                    throw new IllegalStateException(broken);
                }
                if (flushing) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                try {
                    interrupted |= linger();
                    long upTo = committed;
                    lock.unlock();
                    try {
                        // H2 would take a pending interrupt for its chunk write's and skip the write
                        interrupted |= Thread.interrupted();
                        checkpoint();
                    } finally {
                        lock.lock();
                    }
                    durable = Math.max(durable, upTo);
                } finally {
                    flushing = false;
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits (lock held) while write transactions run, at most {@link #LINGER}; answers whether interrupted. */
    private boolean linger() {
        boolean interrupted = false;
        long until = System.nanoTime() + LINGER.toNanos();
        long left;
        while (writing > 0 && (left = until - System.nanoTime()) > 0) {
            try {
                changed.awaitNanos(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** Only the leader (one thread at a time) or the constructor gets here. */
    private synchronized void checkpoint() {
        if (broken != null) {
            throw new IllegalStateException(broken);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            if (isClosed()) {
                broken = "the database file can no longer be written (" + e.getMessage()
                        + "); restart the service";
            }
            throw new IllegalStateException("the database file could not be written: " + e.getMessage(), e);
        }
    }

    private boolean isClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Refuses every later write and wakes the waiting ones; the database closes with the pool. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (broken == null) {
                broken = "the database is closed";
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        synchronized (this) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the database closes with the pool anyway
            }
        }
    }
}
