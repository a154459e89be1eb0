package org.opsconsole.service.kit;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives an H2 file's free space back to the disk while the service runs.
 *
 * <p>Every checkpoint (one per group of commits, see {@link GroupCommit}) writes a chunk, and H2
 * keeps a freed chunk's space for its 45 s retention time before reusing it. H2's own
 * housekeeping rewrites sparse chunks while writes go on, but once the service is idle it stops
 * after its first pass that frees nothing, which comes before the retention time is over, and it
 * only shortens the file when its allocator failed to find room (bench/h2-size.sh: a 34 MB file
 * of 1.3 MB of data stayed 34 MB through two idle minutes). So, every second, this rewrites chunks
 * less than 80 % live ({@link MVStore#compact}), and once no transaction has committed for
 * {@link #QUIET} (longer than the retention time, so every freed chunk may be overwritten under
 * H2's own rules) and at most half the file is live, it moves live chunks into the free space
 * nearest the start, 16 MB a second, and H2 truncates the file behind them
 * ({@link RandomAccessStore#compactMoveChunks}, the move that closing with
 * {@code MAX_COMPACT_TIME} makes too). The retention time itself is never lowered:
 * {@link MVStore#compactFile} would, and with it a {@code kill -9} can lose acknowledged commits.
 *
 * <p>H2 offers these operations on its {@link MVStore}, not through JDBC, so the store is reached
 * through the connection's session (H2 is pinned in the parent pom; H2FileSizeTest fails when an
 * upgrade moves it). When that path changes, compaction stops with one warning and the service goes
 * on; the file then only shrinks when the service stops.
 */
final class H2Compaction implements AutoCloseable {

    static final Duration QUIET = Duration.ofSeconds(50);
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final int REWRITE_BELOW_FILL_RATE = 80;
    private static final int MOVE_BELOW_FILL_RATE = 50;
    private static final int MAX_BYTES_PER_RUN = 16 * 1024 * 1024;

    private final DataSource pool;
    private final LongSupplier commits;
    private final Logger log;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private long commitsSeen = -1;
    private long quietSince = System.nanoTime();

    private H2Compaction(DataSource pool, LongSupplier commits, Logger log, String name) {
        this.pool = pool;
        this.commits = commits;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name(name + "-h2-compaction").start(this::loop);
    }

    /**
     * Starts compaction for an H2 file database.
     *
     * @param commits how many transactions have committed so far: the quiet starts when it stops moving
     */
    static H2Compaction start(DataSource pool, LongSupplier commits, String name) {
        return new H2Compaction(pool, commits, Logger.getLogger(H2Compaction.class.getName()), name);
    }

    private void loop() {
        try {
            while (!stop.await(PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                compactOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LinkageError | ClassCastException e) {
            log.log(Level.WARNING, "H2 compaction is unavailable with this H2 version; the database file"
                    + " will only shrink when the service stops", e);
        }
    }

    private void compactOnce() {
        long now = System.nanoTime();
        long seen = commits.getAsLong();
        if (seen != commitsSeen) {
            commitsSeen = seen;
            quietSince = now;
        }
        try (Connection c = pool.getConnection()) {
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                    .getMvStore();
            store.compact(REWRITE_BELOW_FILL_RATE, MAX_BYTES_PER_RUN);
            if (now - quietSince >= QUIET.toNanos() && store.getFileStore() instanceof RandomAccessStore file
                    && file.getFillRate() <= MOVE_BELOW_FILL_RATE) {
                file.compactMoveChunks(MOVE_BELOW_FILL_RATE, MAX_BYTES_PER_RUN, store);
            }
        } catch (ClassCastException e) {
            throw e;   // H2's classes changed: the loop warns once and stops
        } catch (java.sql.SQLException | RuntimeException e) {
            // the database is closing, or busy: the next second tries again
            log.log(Level.FINE, "H2 compaction skipped", e);
        }
    }

    /** Stops after the pass under way (never interrupted: an interrupt closes H2's file channel). */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
