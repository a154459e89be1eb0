package org.opsconsole.service.kit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A started service, as its embedder sees it: where it listens, whether it is healthy, which
 * logger it writes to, and how to stop it. Stopping releases the port and the database files.
 */
public interface RunningService extends AutoCloseable {

    /** The service's short name, also the {@code service} tag of its meters: "users" or "orders". */
    String name();

    /** The port it actually listens on (the chosen one when started with port 0). */
    int port();

    /** Base URL for clients, e.g. {@code http://127.0.0.1:8081}. */
    URI baseUri();

    /** The service's version, as its status endpoints report it. */
    String version();

    /** True while the server runs and its database answers. */
    boolean isHealthy();

    /** Name of the java.util.logging logger the service writes its own log lines to. */
    String loggerName();

    /** The folder its database lives in; empty when it runs in memory. */
    Optional<Path> dataDir();

    /** Stops the server and closes the database. Safe to call more than once. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
