package org.opsconsole.service.kit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, private PostgreSQL server for tests, from the machine's package (Debian's
 * {@code postgresql} or Homebrew's, see {@link TestPrograms}): {@code initdb} in a temporary folder, {@code pg_ctl start}
 * on a free loopback port, stopped (and the folder removed) by {@link #close()}. PostgreSQL refuses
 * to run as root, so as root it runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final Path dir;
    private final Path bin;
    private final int port;

    private PostgresServer(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** One server for the whole test JVM, started at first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-test-server-stop"));
        }
        return shared;
    }

    public static PostgresServer start() {
        Path bin = TestPrograms.postgresBin();
        try {
            Path dir = Files.createTempDirectory("opsconsole-pg-");
            int port = freePort();
            PostgresServer server = new PostgresServer(dir, bin, port);
            server.chownToServerUser();
            server.run(bin.resolve("initdb") + " -D " + dir.resolve("data") + " -A trust -U postgres -E UTF8"
                    + " --no-sync");
            // fsync stays on: tests measure what a deployment gets (every commit on disk)
            server.run(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -o \"-p " + port + " -k " + dir
                    + " -c listen_addresses=127.0.0.1 -c max_connections=300\" -l " + dir.resolve("pg.log")
                    + " -w -t 60 start");
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a PostgreSQL test server: " + e, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void chownToServerUser() throws IOException {
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres", dir.toString()));
        }
    }

    private void run(String shellCommand) {
        run(isRoot() ? List.of("su", "postgres", "-c", shellCommand) : List.of("sh", "-c", shellCommand));
    }

    private void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database; answers its JDBC URL (user postgres, no password). */
    public String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** Stops the server at once (committed transactions are kept) and removes its folder. */
    @Override
    public void close() {
        try {
            run(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m immediate -w stop");
        } catch (RuntimeException e) {
            // already stopped
        }
        TempFolders.delete(dir);
    }
}
