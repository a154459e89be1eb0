package org.opsconsole.service.kit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One service's database: a HikariCP pool handed to Helidon's DbClient (there is no Helidon
 * Hikari provider), with the schema migrated by Flyway at start. An H2 file in the data folder by
 * default; any JDBC URL (PostgreSQL for many instances) when configured, with the credentials in
 * the URL or in {@code OPSCONSOLE_DB_USER} / {@code OPSCONSOLE_DB_PASSWORD}.
 *
 * <p>An H2 file database writes every committed transaction to the file before
 * {@link #inTransaction} returns, so an acknowledged write survives {@code kill -9} (it is not
 * fsynced, so a power loss can still lose the last writes). By default H2 writes each commit
 * itself ({@code WRITE_DELAY=0}); {@code -D}{@value #GROUP_COMMIT_PROPERTY}{@code =true} has
 * concurrent transactions share one write instead ({@link GroupCommit}), not yet the default:
 * a kill test found a transaction half in the file with it.
 */
public final class Database implements AutoCloseable {

    public static final String USER_VARIABLE = "OPSCONSOLE_DB_USER";
    public static final String PASSWORD_VARIABLE = "OPSCONSOLE_DB_PASSWORD";
    /** System property: {@code true} writes H2 commits in groups ({@link GroupCommit}) instead of each on its own. */
    public static final String GROUP_COMMIT_PROPERTY = "opsconsole.h2.group-commit";
    /** System property: settings appended to an H2 file database's URL, e.g. {@code ;RETENTION_TIME=10000}. */
    public static final String OPTIONS_PROPERTY = "opsconsole.h2.options";
    /** The gauge of an H2 file's size, tagged with the service like every meter. */
    public static final String FILE_BYTES_METER = "database_file_bytes";

    private final HikariDataSource pool;
    private final DbClient client;
    private final boolean created;
    private final Path file;
    private final GroupCommit groupCommit;
    private final H2Compaction compaction;
    private final AtomicLong commits = new AtomicLong();

    private Database(HikariDataSource pool, boolean created, Path file, GroupCommit groupCommit) {
        this.pool = pool;
        this.created = created;
        this.file = file;
        this.groupCommit = groupCommit;
        this.compaction = file == null ? null : H2Compaction.start(pool, commits::get, pool.getPoolName());
        this.client = JdbcClientBuilder.create()
                .connectionPool(() -> {
                    try {
                        return pool.getConnection();
                    } catch (SQLException e) {
                        throw new IllegalStateException("No database connection: " + e.getMessage(), e);
                    }
                })
                .build();
    }

    /**
     * Opens (creating and migrating when needed) the database of service {@code name}.
     *
     * @param migrations classpath folder of the service's Flyway scripts, e.g. {@code db/migration/users}
     */
    public static Database open(String name, ServiceConfig config, String migrations, MeterRegistry meters) {
        String url = jdbcUrl(name, config);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            hikari.setUsername("sa");
            hikari.setPassword("");
        }
        // values in the URL itself win over these in PostgreSQL's driver
        Optional.ofNullable(System.getenv(USER_VARIABLE)).filter(v -> !v.isBlank()).ifPresent(hikari::setUsername);
        Optional.ofNullable(System.getenv(PASSWORD_VARIABLE)).ifPresent(hikari::setPassword);
        hikari.setPoolName(name);
        hikari.setMaximumPoolSize(16);
        hikari.setMinimumIdle(2);
        hikari.setConnectionTimeout(5_000);
        hikari.setInitializationFailTimeout(1);
        hikari.setMetricRegistry(meters);
        HikariDataSource pool;
        try {
            if (config.jdbcUrl() == null && config.dataDir() != null) {
                Files.createDirectories(config.dataDir());
            }
            pool = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ServiceStartException(describe(name, config, e.getCause() == null ? e : e.getCause()), e);
        } catch (java.io.IOException e) {
            throw new ServiceStartException("cannot create the data folder " + config.dataDir() + ": " + e, e);
        } catch (RuntimeException e) {
            // e.g. a JDBC URL no driver on the class path accepts
            throw new ServiceStartException(describe(name, config, e), e);
        }
        boolean isNew;
        try {
            // Flyway locks the schema while it migrates, so of instances starting at once on one
            // database exactly one finds it empty (and seeds it)
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:" + migrations)
                    .load()
                    .migrate();
            isNew = result.initialSchemaVersion == null && result.migrationsExecuted > 0;
        } catch (FlywayException e) {
            pool.close();
            throw new ServiceStartException("the " + name + " database could not be migrated: " + e.getMessage(), e);
        }
        Path file = config.jdbcUrl() == null && config.dataDir() != null ? h2File(name, config) : null;
        GroupCommit groupCommit = null;
        if (file != null && groupCommitOn()) {
            try {
                // its checkpoint also puts the migration in the file before the service starts
                groupCommit = new GroupCommit(url);
            } catch (SQLException e) {
                pool.close();
                throw new ServiceStartException(describe(name, config, e), e);
            }
        }
        Database database = new Database(pool, isNew, file, groupCommit);
        if (file != null) {
            Gauge.builder(FILE_BYTES_METER, database, db -> db.fileBytes().stream().mapToDouble(b -> b).findFirst().orElse(Double.NaN))
                    .description("Size of the database file on disk")
                    .baseUnit("bytes")
                    .register(meters);
        }
        return database;
    }

    private static Path h2File(String name, ServiceConfig config) {
        return config.dataDir().toAbsolutePath().resolve(name + ".mv.db");
    }

    static String jdbcUrl(String name, ServiceConfig config) {
        if (config.jdbcUrl() != null) {
            return config.jdbcUrl();
        }
        if (config.dataDir() == null) {
            return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        Path file = config.dataDir().toAbsolutePath().resolve(name);
        // H2's own write delay alone lost acknowledged commits in a kill test: with group commit
        // every transaction is checkpointed before it is acknowledged, and H2's background writer
        // does its housekeeping while writes go on (rewriting sparse chunks), which it never runs
        // with WRITE_DELAY=0; without group commit WRITE_DELAY=0 writes each commit itself.
        // Either way nothing is fsynced. RETENTION_TIME stays at H2's 45 s: with 0, a kill during
        // a chunk write fell back past overwritten chunks and lost acknowledged rows (seen in
        // DurabilityTest, also with 1 s). COMPRESS makes each chunk smaller; H2Compaction gives
        // freed space back while the service runs; MAX_COMPACT_TIME gives the close a second to
        // do the same. -Dopsconsole.h2.options=";..." appends settings (for the benchmarks).
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=" + (groupCommitOn() ? 1000 : 0)
                + ";COMPRESS=TRUE;MAX_COMPACT_TIME=1000;DB_CLOSE_ON_EXIT=FALSE"
                + System.getProperty(OPTIONS_PROPERTY, "");
    }

    private static boolean groupCommitOn() {
        // off by default: with it, MixedBurstKillTest once found a user whose user.created event was
        // missing after kill -9 (a checkpoint racing a commit); on again with -D...group-commit=true
        return "true".equalsIgnoreCase(System.getProperty(GROUP_COMMIT_PROPERTY, "false"));
    }

    private static String describe(String name, ServiceConfig config, Throwable cause) {
        String text = String.valueOf(cause.getMessage());
        if (text.contains("already in use") || text.contains("Database may be already in use")
                || text.contains("locked")) {
            return "the " + name + " database in " + config.dataDir()
                    + " is locked by another program (is another Ops Console running on it?)";
        }
        return "the " + name + " database could not be opened: " + text.lines().findFirst().orElse(text);
    }

    /** The JDBC URL of this database. */
    public String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    public DbClient client() {
        return client;
    }

    /** True when this start created the schema (so the service may seed demo data). */
    public boolean isNew() {
        return created;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Function<DbTransaction, T> work) {
        if (groupCommit == null) {
            return run(work);
        }
        groupCommit.begin();
        boolean committed = false;
        T result;
        try {
            result = run(work);
            committed = true;
        } finally {
            long ticket = groupCommit.end(committed);
            if (committed) {
                groupCommit.awaitDurable(ticket);
            }
        }
        return result;
    }

    private <T> T run(Function<DbTransaction, T> work) {
        DbTransaction tx = client.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(tx, e);
            throw e;
        }
        tx.commit();
        commits.incrementAndGet();
        return result;
    }

    private static void rollbackQuietly(DbTransaction tx, Throwable failure) {
        try {
            tx.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** The size of the H2 database file in bytes; empty for any other database. */
    public OptionalLong fileBytes() {
        if (file == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.size(file));
        } catch (java.io.IOException e) {
            return OptionalLong.empty();
        }
    }

    /** A cheap query that proves the database answers. */
    public boolean isReachable() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            return s.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool; an H2 database is shut down first so its files are released at once. */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        if (compaction != null) {
            compaction.close();
        }
        if (groupCommit != null) {
            groupCommit.close();
        }
        // a file database closes with its last connection; an in-memory one (DB_CLOSE_DELAY=-1) must be told
        if (pool.getJdbcUrl().startsWith("jdbc:h2:mem:")) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException | RuntimeException e) {
                // the pool is closed next; a failed compaction only costs disk space
            }
        }
        client.close();
        pool.close();
    }
}
