package org.opsconsole.service.kit;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A connection pool that can be closed and opened again while its database stays in use, so an H2
 * file can be compacted with every pooled connection closed (see {@link H2Compaction}).
 */
final class ReopenablePool implements AutoCloseable {

    private final Supplier<HikariDataSource> opener;
    private volatile HikariDataSource current;
    private volatile boolean closed;

    ReopenablePool(Supplier<HikariDataSource> opener) {
        this.opener = opener;
        this.current = opener.get();
    }

    Connection connection() throws SQLException {
        return current.getConnection();
    }

    /** The pool as it is now, for a tool that wants a {@link javax.sql.DataSource} (Flyway at start). */
    javax.sql.DataSource dataSource() {
        return current;
    }

    /** A connection outside the pool, with the pool's URL and credentials. */
    Connection direct() throws SQLException {
        HikariDataSource pool = current;
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    String jdbcUrl() {
        return current.getJdbcUrl();
    }

    /** Closes every pooled connection; {@link #reopen()} opens a new pool. */
    void closeConnections() {
        current.close();
    }

    /** Opens a new pool after {@link #closeConnections()}; does nothing once closed for good. */
    synchronized void reopen() {
        if (!closed && current.isClosed()) {
            current = opener.get();
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        current.close();
    }
}
