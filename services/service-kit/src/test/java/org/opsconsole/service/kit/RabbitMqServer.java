package org.opsconsole.service.kit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, private RabbitMQ node for tests, from the machine's package (Debian's
 * {@code rabbitmq-server} or Homebrew's, see {@link TestPrograms}): its own node name, ports and folder, started with
 * {@code rabbitmq-server} and stopped with {@code rabbitmqctl stop}. It can be stopped and started
 * again on the same folder, keeping its durable exchanges, queues and persistent messages.
 */
public final class RabbitMqServer implements AutoCloseable {

    private static final AtomicInteger NODES = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path script;
    private final Path dir;
    private final String node;
    private final int port;
    private final int distPort;
    private Process process;

    private RabbitMqServer(Path script, Path dir, String node, int port, int distPort) {
        this.script = script;
        this.dir = dir;
        this.node = node;
        this.port = port;
        this.distPort = distPort;
    }

    public static RabbitMqServer start() {
        Path script = TestPrograms.rabbitMqServer();
        try {
            Path dir = Files.createTempDirectory("opsconsole-rabbitmq-");
            Files.writeString(dir.resolve("plugins"), "[].");
            RabbitMqServer server = new RabbitMqServer(script, dir,
                    "opsconsole" + ProcessHandle.current().pid() + "n" + NODES.incrementAndGet() + "@localhost",
                    freePort(), freePort());
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a RabbitMQ test node: " + e, e);
        }
    }

    /** Starts the node (again) on its folder and waits until it takes connections. */
    public synchronized void startAgain() {
        try {
            if ("root".equals(System.getProperty("user.name"))) {
                // the start script switches to the rabbitmq user, which must own the folder
                new ProcessBuilder("chmod", "755", dir.toString()).start().waitFor();
                new ProcessBuilder("chown", "-R", "rabbitmq:rabbitmq", dir.toString()).start().waitFor();
            }
            ProcessBuilder builder = new ProcessBuilder(script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.out").toFile());
            Map<String, String> env = builder.environment();
            env.put("RABBITMQ_NODENAME", node);
            env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
            env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
            env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
            env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
            env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
            env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
            env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("plugins").toString());
            process = builder.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!accepts()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("RabbitMQ ended at start:\n" + Files.readString(dir.resolve("server.out")));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("RabbitMQ did not take connections within " + START_TIMEOUT);
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start RabbitMQ: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The URL services take ({@code guest} works from 127.0.0.1). */
    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the node; its folder (durable queues, persistent messages) stays for {@link #startAgain()}. */
    public synchronized void stop() {
        try {
            Process stop = new ProcessBuilder(script.resolveSibling("rabbitmqctl").toString(), "-n", node, "stop").redirectErrorStream(true).start();
            stop.getInputStream().readAllBytes();
            stop.waitFor(60, TimeUnit.SECONDS);
            if (process != null && !process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            if (process != null) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        TempFolders.delete(dir);
    }
}
