package org.opsconsole.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.opsconsole.console.supervisor.ServiceLauncher;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceStartException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A stand-in for a real service, speaking the same HTTP contract the console relies on:
 * {@code /observe/health}, {@code /observe/metrics} (Prometheus text, every meter tagged
 * {@code service}), {@code /events} (JSON and server-sent events, resumable) and a
 * {@code /users}-like resource that counts requests, fails with 500 on {@code /boom}, and emits an
 * event per POST. Events survive a restart when the launcher keeps them (like a file database).
 */
public final class FakeService implements RunningService {

    private static final double[] BOUNDS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0};

    private final String name;
    private final String loggerName;
    private final HttpServer server;
    private final Logger log;
    private final EventStore events;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong[] buckets = new AtomicLong[BOUNDS.length];
    private volatile double latencySum;
    private volatile boolean stopped;

    /** Events kept across restarts of one launcher, like rows in a file database. */
    public static final class EventStore {
        private final List<String> json = new ArrayList<>();

        synchronized long add(String service, String type, long subjectId) {
            long id = json.size() + 1;
            json.add("{\"id\":" + id + ",\"type\":\"" + type + "\",\"service\":\"" + service + "\",\"subjectId\":" + subjectId
                    + ",\"time\":\"" + Instant.now() + "\",\"data\":{\"id\":" + subjectId + "}}");
            notifyAll();
            return id;
        }

        synchronized List<String> after(long id) {
            return id >= json.size() ? List.of() : new ArrayList<>(json.subList((int) id, json.size()));
        }

        synchronized void await(long id, long millis) throws InterruptedException {
            if (json.size() <= id) {
                wait(millis);
            }
        }
    }

    private FakeService(String name, String loggerName, ServiceConfig config, EventStore events) throws IOException {
        this.name = name;
        this.loggerName = loggerName;
        this.events = events;
        this.log = Logger.getLogger(loggerName);
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new AtomicLong();
        }
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/observe/health", this::health);
        server.createContext("/observe/metrics", this::metrics);
        server.createContext("/events", this::events);
        server.createContext("/", this::resource);
        server.start();
        log.info(() -> name + " listening on " + baseUri());
    }

    /** A launcher whose services keep their events across restarts. */
    public static ServiceLauncher launcher(String name, String loggerName) {
        EventStore store = new EventStore();
        return config -> start(name, loggerName, config, store);
    }

    public static FakeService start(String name, String loggerName, ServiceConfig config, EventStore store) {
        try {
            return new FakeService(name, loggerName, config, store);
        } catch (BindException e) {
            throw new ServiceStartException("port " + config.port() + " is already in use by another program", e);
        } catch (IOException e) {
            throw new ServiceStartException("could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public String version() {
        return "0.0.0-fake";
    }

    @Override
    public boolean isHealthy() {
        return !stopped;
    }

    @Override
    public String loggerName() {
        return loggerName;
    }

    @Override
    public Optional<Path> dataDir() {
        return Optional.empty();
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        synchronized (events) {
            events.notifyAll();
        }
        server.stop(0);
        log.info(() -> name + " stopped");
    }

    private void health(HttpExchange exchange) throws IOException {
        send(exchange, stopped ? 503 : 200, "application/json", "{\"status\":\"" + (stopped ? "DOWN" : "UP") + "\"}");
    }

    private void metrics(HttpExchange exchange) throws IOException {
        StringBuilder out = new StringBuilder();
        String s = "service=\"" + name + "\"";
        String route = s + ",method=\"GET\",route=\"/things\",status=\"200\",outcome=\"SUCCESS\"";
        out.append("# HELP http_server_requests_seconds requests\n# TYPE http_server_requests_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += buckets[i].get();
            out.append("http_server_requests_seconds_bucket{").append(route).append(",le=\"").append(BOUNDS[i]).append("\"} ").append(cumulative).append('\n');
        }
        out.append("http_server_requests_seconds_bucket{").append(route).append(",le=\"+Inf\"} ").append(requests.get()).append('\n');
        out.append("http_server_requests_seconds_count{").append(route).append("} ").append(requests.get()).append('\n');
        out.append("http_server_requests_seconds_sum{").append(route).append("} ").append(String.format(Locale.ROOT, "%.6f", latencySum)).append('\n');
        out.append("http_server_errors_total{").append(s).append(",method=\"GET\",route=\"/boom\",kind=\"server\"} ").append(serverErrors.get()).append('\n');
        out.append("jvm_memory_used_bytes{").append(s).append(",area=\"heap\",id=\"G1 Eden Space\"} 1.048576E7\n");
        out.append("jvm_memory_used_bytes{").append(s).append(",area=\"heap\",id=\"G1 Old Gen\"} 1.048576E7\n");
        out.append("jvm_memory_used_bytes{").append(s).append(",area=\"nonheap\",id=\"Metaspace\"} 5.0E7\n");
        out.append("jvm_threads_live_threads{").append(s).append("} 42.0\n");
        out.append("hikaricp_connections_active{").append(s).append(",pool=\"").append(name).append("\"} 1.0\n");
        out.append("hikaricp_connections_max{").append(s).append(",pool=\"").append(name).append("\"} 10.0\n");
        send(exchange, 200, "text/plain; version=0.0.4", out.toString());
    }

    private void events(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            send(exchange, 200, "application/json", "{\"items\":[" + String.join(",", events.after(0)) + "]}");
            return;
        }
        String lastHeader = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        long last = lastHeader == null ? 0 : Long.parseLong(lastHeader);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!stopped) {
                for (String event : events.after(last)) {
                    last++;
                    String type = event.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1");
                    out.write(("id: " + last + "\nevent: " + type + "\ndata: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                events.await(last, 200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        }
    }

    private void resource(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        int status;
        String body;
        if (path.startsWith("/boom")) {
            serverErrors.incrementAndGet();
            status = 500;
            body = "{\"status\":500}";
        } else if ("POST".equals(exchange.getRequestMethod())) {
            long id = requests.get() + 1;
            events.add(name, name.equals("users") ? "user.created" : "order.created", id);
            status = 201;
            body = "{\"id\":" + id + "}";
        } else {
            status = 200;
            body = "{\"items\":[]}";
        }
        send(exchange, status, "application/json", body);
        double seconds = (System.nanoTime() - start) / 1e9;
        record(seconds);
    }

    private synchronized void record(double seconds) {
        requests.incrementAndGet();
        latencySum += seconds;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                buckets[i].incrementAndGet();
                return;
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
