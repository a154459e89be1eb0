package org.opsconsole.service.kit;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an H2 file database from growing without bound. With {@code WRITE_DELAY=0} H2 runs no
 * background writer, and so none of its automatic compaction: every commit leaves a chunk
 * behind, and a minute of write load grows the file by gigabytes. This rewrites sparse chunks
 * every second, the work H2's background writer would have done.
 *
 * <p>It reaches H2's store through H2's own classes (pinned in the parent pom); when they change,
 * compaction stops with a warning and the service goes on.
 */
final class H2Compaction implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final int TARGET_FILL_RATE = 80;
    private static final int MAX_BYTES_PER_RUN = 16 * 1024 * 1024;

    private final DataSource pool;
    private final Logger log;
    private final Thread thread;
    private volatile boolean running = true;

    private H2Compaction(DataSource pool, Logger log, String name) {
        this.pool = pool;
        this.log = log;
        this.thread = Thread.ofVirtual().name(name + "-h2-compaction").start(this::loop);
    }

    /** Starts compaction for an H2 file database; answers a no-op for anything else. */
    static AutoCloseable startFor(String jdbcUrl, DataSource pool, Logger log, String name) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return () -> { };
        }
        return new H2Compaction(pool, log, name);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD);
                compactOnce();
            } catch (InterruptedException e) {
                return;
            } catch (LinkageError | ClassCastException e) {
                log.log(Level.WARNING, "H2 compaction is unavailable with this H2 version; the database file"
                        + " will only shrink when the service stops", e);
                return;
            } catch (Exception e) {
                if (running) {
                    log.log(Level.FINE, "H2 compaction skipped", e);
                }
            }
        }
    }

    private void compactOnce() throws Exception {
        try (Connection c = pool.getConnection()) {
            JdbcConnection h2 = c.unwrap(JdbcConnection.class);
            MVStore store = ((SessionLocal) h2.getSession()).getDatabase().getStore().getMvStore();
            // not guarded by getFillRate(): it reports the live map's fill, not the chunks'
            store.compact(TARGET_FILL_RATE, MAX_BYTES_PER_RUN);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
