package org.opsconsole.service.kit;

import java.nio.file.Path;

/**
 * The database the services' tests run on: H2 by default, a real PostgreSQL with
 * {@code -Dtest.db=postgresql} (the build runs every service test once on each).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("test.db"));
    }

    /** Loopback, any free port, no demo data, on a new empty database (in memory on H2). */
    public static ServiceConfig fresh(String name) {
        ServiceConfig config = ServiceConfig.inMemory();
        return postgres() ? config.withJdbcUrl(PostgresServer.shared().createDatabase(name)) : config;
    }

    /**
     * Like {@link #fresh(String)}, but kept across restarts of the service with the same config:
     * an H2 file in {@code dataDir}, or a new PostgreSQL database.
     */
    public static ServiceConfig persistent(String name, Path dataDir) {
        return fresh(name).withDataDir(dataDir);
    }

    /** The {@code -D} settings that give a child service process the same database as {@code config}. */
    public static String[] childSettings(ServiceConfig config) {
        return config.jdbcUrl() == null ? new String[0] : new String[] {"jdbc-url=" + config.jdbcUrl()};
    }
}
