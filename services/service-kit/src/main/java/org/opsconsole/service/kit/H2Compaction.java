package org.opsconsole.service.kit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an H2 database file near the size of its data. H2 writes every commit as a new chunk and
 * keeps a freed chunk's space for 45 s before reusing it ({@code RETENTION_TIME}, which protects
 * acknowledged commits from a crash and must not be lowered), so write load grows the file far
 * past its data and H2 never gives the space back while the database is open. H2's own full
 * compaction, {@code SHUTDOWN COMPACT}, does: this runs it with the database paused. Every
 * connection goes through a {@link ConnectionGate}; the compaction waits until none is in use,
 * closes the pool, compacts, and opens the pool again, while new requests wait at the gate (a few
 * hundred milliseconds for tens of megabytes of data). No transaction is ever open while the file
 * is rewritten, so a {@code kill -9} at any moment finds every acknowledged commit in it.
 *
 * <p>{@link CompactionPolicy} decides when: at start, after writes stop, during sustained writes
 * (rarely), and at close. Every {@link #PERIOD} the file's size, H2's estimate of its live data and
 * its write count are read through SQL ({@code INFORMATION_SCHEMA.SETTINGS}).
 */
final class H2Compaction implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(2);
    /** How long a compaction waits for the connections in use to come back before it tries later. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ReopenablePool pool;
    private final ConnectionGate gate;
    private final Path file;
    private final CompactionPolicy policy;
    private final Logger log;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private long baselineBytes;
    private long writesSeen = -1;
    private long quietSince = System.nanoTime();
    private long lastEnd = System.nanoTime();
    private long lastPause;

    private H2Compaction(ReopenablePool pool, ConnectionGate gate, Path file, CompactionPolicy policy, Logger log,
                         String name) throws SQLException, InterruptedException {
        this.pool = pool;
        this.gate = gate;
        this.file = file;
        this.policy = policy;
        this.log = log;
        StoreSample sample = sample();
        baselineBytes = sample.fileBytes();
        if (policy.atStart(sample.fileBytes(), sample.liveBytes())) {
            compact(CompactionPolicy.Reason.START, true);
        }
        // a platform thread that is never interrupted: an interrupt closes H2's file channel
        this.thread = Thread.ofPlatform().daemon().name(name + "-h2-compaction").start(this::loop);
    }

    /**
     * Compacts {@code file} now if a start needs it, then keeps it compact until closed.
     *
     * @param file the {@code .mv.db} file of the database {@code pool} opens
     */
    static H2Compaction start(ReopenablePool pool, ConnectionGate gate, Path file, String name) {
        try {
            return new H2Compaction(pool, gate, file, CompactionPolicy.standard(),
                    Logger.getLogger(H2Compaction.class.getName()), name);
        } catch (SQLException e) {
            throw new ServiceStartException("the " + name + " database could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while compacting the " + name + " database", e);
        }
    }

    private void loop() {
        try {
            while (!stop.await(PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    step();
                } catch (SQLException | RuntimeException e) {
                    // the database is busy or closing: the next period tries again
                    log.log(Level.FINE, "H2 compaction skipped", e);
                    pool.reopen();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void step() throws SQLException, InterruptedException {
        StoreSample sample = sample();
        long now = System.nanoTime();
        if (sample.writes() != writesSeen) {
            writesSeen = sample.writes();
            quietSince = now;
        }
        CompactionPolicy.Reason reason = policy.whileRunning(sample.fileBytes(), baselineBytes,
                Duration.ofNanos(now - quietSince), Duration.ofNanos(now - lastEnd), Duration.ofNanos(lastPause));
        if (reason != null) {
            compact(reason, true);
        }
    }

    /** Compacts the file now, pausing the database; answers false when connections stayed in use. */
    boolean compactNow() throws InterruptedException {
        return compact(CompactionPolicy.Reason.IDLE, true);
    }

    private boolean compact(CompactionPolicy.Reason reason, boolean reopen) throws InterruptedException {
        long before = fileBytes();
        flushToDisk();
        long start = System.nanoTime();
        SQLException[] failure = new SQLException[1];
        long[] phases = new long[3];
        boolean ran = gate.exclusive(PATIENCE, () -> {
            phases[0] = System.nanoTime();
            try {
                shutdownCompact();
            } catch (SQLException e) {
                failure[0] = e;
            } finally {
                phases[1] = System.nanoTime();
                if (reopen) {
                    pool.reopen();
                }
                phases[2] = System.nanoTime();
            }
        });
        long end = System.nanoTime();
        if (!ran) {
            log.fine(() -> "H2 compaction of " + file.getFileName() + " waited " + PATIENCE + " for connections in use;"
                    + " it tries again later");
            return false;
        }
        lastEnd = end;
        lastPause = end - start;
        baselineBytes = fileBytes();
        if (failure[0] != null) {
            log.log(Level.WARNING, "H2 compaction of " + file.getFileName() + " failed", failure[0]);
            return false;
        }
        Level level = reason == CompactionPolicy.Reason.WRITING ? Level.FINE : Level.INFO;
        log.log(level, () -> String.format("compacted %s (%s): %.1f MB -> %.1f MB, database paused %d ms"
                        + " (%d waiting for transactions to end, %d compacting, %d reopening)",
                file.getFileName(), reason.name().toLowerCase(java.util.Locale.ROOT), before / (double) CompactionPolicy.MB,
                baselineBytes / (double) CompactionPolicy.MB, TimeUnit.NANOSECONDS.toMillis(end - start),
                TimeUnit.NANOSECONDS.toMillis(phases[0] - start), TimeUnit.NANOSECONDS.toMillis(phases[1] - phases[0]),
                TimeUnit.NANOSECONDS.toMillis(phases[2] - phases[1])));
        return true;
    }

    /**
     * Has the operating system write the file's pages out before the database is paused: H2's
     * close syncs the file, and that sync, of everything written since the last one, was most of the
     * pause (about half a second for 50 MB written).
     */
    private void flushToDisk() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(false);
        } catch (IOException e) {
            log.log(Level.FINE, "could not flush " + file.getFileName() + " before compacting it", e);
        }
    }

    /** Runs with no pooled connection in use: closes them all, then has H2 compact the file fully. */
    private void shutdownCompact() throws SQLException {
        // the direct connection keeps the database open while the pool's connections close
        try (Connection direct = pool.direct(); Statement statement = direct.createStatement()) {
            pool.closeConnections();
            statement.execute("SHUTDOWN COMPACT");
        }
    }

    private StoreSample sample() throws SQLException {
        Map<String, Long> info = new HashMap<>();
        try (Connection c = gate.enter(pool::connection); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('info.FILE_WRITE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                info.put(rs.getString(1), Long.parseLong(rs.getString(2)));
            }
        }
        long fileBytes = fileBytes();
        long live = fileBytes * info.getOrDefault("info.FILL_RATE", 100L) / 100
                * info.getOrDefault("info.CHUNKS_FILL_RATE", 100L) / 100;
        return new StoreSample(fileBytes, live, info.getOrDefault("info.FILE_WRITE", 0L));
    }

    private long fileBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Stops the checks, and compacts once more if the file grew since the last compaction. */
    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(Duration.ofSeconds(30));
            if (policy.atClose(fileBytes(), baselineBytes)) {
                compact(CompactionPolicy.Reason.CLOSE, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a check reads: the file's size, H2's estimate of the live data in it, its write count. */
    private record StoreSample(long fileBytes, long liveBytes, long writes) {
    }
}
