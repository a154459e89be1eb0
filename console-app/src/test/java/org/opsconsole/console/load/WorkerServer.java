package org.opsconsole.console.load;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test server whose capacity is known: a fixed number of workers, each request holding one for
 * a fixed time (so at most workers / hold requests a second), the rest waiting in its queue.
 */
public final class WorkerServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final int workerCount;
    private final Duration hold;

    private WorkerServer(int workerCount, Duration hold) throws IOException {
        this.workerCount = workerCount;
        this.hold = hold;
        workers = Executors.newFixedThreadPool(workerCount);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(workers);
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                long until = System.nanoTime() + hold.toNanos();
                for (long left = hold.toNanos(); left > 0; left = until - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    public static WorkerServer start(int workers, Duration hold) throws IOException {
        return new WorkerServer(workers, hold);
    }

    /** The most requests a second it can answer. */
    public double capacity() {
        return workerCount * 1e9 / hold.toNanos();
    }

    /** A URL on it (any path is served the same). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
