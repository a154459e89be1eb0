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
import java.util.function.Function;

/**
 * One service's database: a HikariCP pool handed to Helidon's DbClient (there is no Helidon
 * Hikari provider), with the schema migrated by Flyway at start. An H2 file in the data folder by
 * default; any JDBC URL (PostgreSQL for many instances) when configured, with the credentials in
 * the URL or in {@code OPSCONSOLE_DB_USER} / {@code OPSCONSOLE_DB_PASSWORD}.
 *
 * <p>H2 file databases run with {@code WRITE_DELAY=0}: a commit is written to the file before the
 * request is answered, so an acknowledged write survives {@code kill -9} (it is not fsynced, so a
 * power loss can still lose the last writes). {@link H2Compaction} keeps the file near the size of
 * its data, pausing the database at a {@link ConnectionGate} while it compacts.
 */
public final class Database implements AutoCloseable {

    public static final String USER_VARIABLE = "OPSCONSOLE_DB_USER";
    public static final String PASSWORD_VARIABLE = "OPSCONSOLE_DB_PASSWORD";
    /** The gauge of an H2 file's size, tagged with the service like every meter. */
    public static final String FILE_BYTES_METER = "database_file_bytes";

    private final ReopenablePool pool;
    private final DbClient client;
    private final boolean created;
    private final Path file;
    private final ConnectionGate gate;
    private final H2Compaction compaction;

    private Database(ReopenablePool pool, boolean created, Path file, String name) {
        this.pool = pool;
        this.created = created;
        this.file = file;
        this.gate = file == null ? null : new ConnectionGate();
        this.compaction = file == null ? null : H2Compaction.start(pool, gate, file, name);
        this.client = JdbcClientBuilder.create()
                .connectionPool(() -> {
                    try {
                        return connection();
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
        ReopenablePool pool;
        try {
            if (config.jdbcUrl() == null && config.dataDir() != null) {
                Files.createDirectories(config.dataDir());
            }
            pool = new ReopenablePool(() -> {
                HikariConfig copy = new HikariConfig();
                hikari.copyStateTo(copy);
                return new HikariDataSource(copy);
            });
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
            // portable scripts, then those of one database alone in <migrations>-postgresql (its
            // extensions) or <migrations>-h2 (indexes its planner needs)
            java.util.List<String> locations = new java.util.ArrayList<>(java.util.List.of("classpath:" + migrations));
            String ownOnly = migrations + (pool.jdbcUrl().startsWith("jdbc:postgresql:") ? "-postgresql" : "-h2");
            if (Database.class.getClassLoader().getResource(ownOnly) != null) {
                locations.add("classpath:" + ownOnly);
            }
            MigrateResult result = Flyway.configure()
                    .dataSource(pool.dataSource())
                    .locations(locations.toArray(String[]::new))
                    .load()
                    .migrate();
            isNew = result.initialSchemaVersion == null && result.migrationsExecuted > 0;
        } catch (FlywayException e) {
            pool.close();
            throw new ServiceStartException("the " + name + " database could not be migrated: " + e.getMessage(), e);
        }
        Path file = config.jdbcUrl() == null && config.dataDir() != null ? h2File(name, config) : null;
        Database database;
        try {
            database = new Database(pool, isNew, file, name);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
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
        // WRITE_DELAY=0: each commit is written before it is acknowledged, so it survives kill -9
        // (H2's default 500 ms write delay lost acknowledged commits in a kill test); it does not
        // fsync. RETENTION_TIME stays at H2's 45 s: with 0, a kill during a chunk write fell back
        // past overwritten chunks and lost acknowledged rows (seen in DurabilityTest, also with
        // 1 s). MAX_COMPACT_TIME=0: a close does not move chunks in place; H2Compaction compacts
        // fully when the file has grown, with SHUTDOWN COMPACT and no transaction open.
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0;DB_CLOSE_ON_EXIT=FALSE";
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
        return pool.jdbcUrl();
    }

    /** True on PostgreSQL, false on H2. */
    public boolean isPostgres() {
        return jdbcUrl().startsWith("jdbc:postgresql:");
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

    /** Compacts an H2 file database now (see {@link H2Compaction}); false when it could not. */
    boolean compactNow() throws InterruptedException {
        return compaction != null && compaction.compactNow();
    }

    private Connection connection() throws SQLException {
        return gate == null ? pool.connection() : gate.enter(pool::connection);
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
        DbTransaction tx = client.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(tx, e);
            throw e;
        }
        tx.commit();
        return result;
    }

    private static void rollbackQuietly(DbTransaction tx, Throwable failure) {
        try {
            tx.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** A cheap query that proves the database answers. */
    public boolean isReachable() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            return s.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool; an H2 file is compacted first when it has grown, an in-memory database shut down. */
    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        if (compaction != null) {
            compaction.close();
        }
        // a file database closes with its last connection; an in-memory one (DB_CLOSE_DELAY=-1) must be told
        if (pool.jdbcUrl().startsWith("jdbc:h2:mem:")) {
            try (Connection c = pool.connection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException | RuntimeException e) {
                // the pool is closed next
            }
        }
        client.close();
        pool.close();
    }
}
