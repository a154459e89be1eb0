package org.opsconsole.console.load.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the bundled services in tests: answers every request after a known delay, can
 * stall (hold every answer until a moment), and speaks just enough of the users and orders
 * contract for the mix: list and read users, create users (409 on a repeated email), create, list
 * and patch orders (409 on an illegal move).
 */
final class TestServer implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"(?:id|userId)\"\\s*:\\s*(\\d+)");
    private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    private final HttpServer server;
    private volatile long delayNanos;
    private volatile long stallUntilNanos;
    private volatile int holdEvery;
    private volatile long holdNanos;
    final AtomicLong received = new AtomicLong();
    final Map<String, AtomicLong> byRoute = new ConcurrentHashMap<>();
    final Map<Long, String> users = new ConcurrentHashMap<>();
    final Map<Long, String> orderStatus = new ConcurrentHashMap<>();
    final AtomicLong illegalMoves = new AtomicLong();
    final AtomicLong duplicateEmails = new AtomicLong();
    final AtomicLong unknownUsers = new AtomicLong();
    private final AtomicLong ids = new AtomicLong(1000);

    TestServer(Duration delay) throws IOException {
        this.delayNanos = delay.toNanos();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        for (long id = 1; id <= 5; id++) {
            users.put(id, "seed" + id + "@example.test");
        }
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds every answer, from now, until {@code duration} has passed. */
    void stallFor(Duration duration) {
        stallUntilNanos = System.nanoTime() + duration.toNanos();
    }

    /** From now, every {@code n}th request received is answered {@code hold} later than the others. */
    void holdEvery(int n, Duration hold) {
        holdNanos = hold.toNanos();
        holdEvery = n;
    }

    void delay(Duration delay) {
        delayNanos = delay.toNanos();
    }

    long count(String route) {
        AtomicLong n = byRoute.get(route);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long n = received.incrementAndGet();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int every = holdEvery;
            waitUntil(System.nanoTime() + delayNanos + (every > 0 && n % every == 0 ? holdNanos : 0));
            waitUntil(stallUntilNanos);
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String route = method + " " + path.replaceAll("/\\d+", "/{id}");
            byRoute.computeIfAbsent(route, k -> new AtomicLong()).incrementAndGet();
            switch (route) {
                case "GET /users" -> send(ex, 200, "{\"items\":[" + String.join(",", users.keySet().stream()
                        .limit(20).map(id -> "{\"id\":" + id + "}").toList()) + "],\"total\":" + users.size()
                        + ",\"limit\":20,\"offset\":0}");
                case "GET /users/{id}" -> {
                    long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
                    send(ex, users.containsKey(id) ? 200 : 404, "{\"id\":" + id + "}");
                }
                case "POST /users" -> {
                    Matcher m = EMAIL.matcher(body);
                    String email = m.find() ? m.group(1).toLowerCase() : "";
                    if (email.isEmpty() || users.containsValue(email)) {
                        duplicateEmails.incrementAndGet();
                        send(ex, 409, "{\"status\":409}");
                        return;
                    }
                    long id = ids.incrementAndGet();
                    users.put(id, email);
                    send(ex, 201, "{\"id\":" + id + ",\"email\":\"" + email + "\"}");
                }
                case "POST /orders" -> {
                    Matcher m = ID.matcher(body);
                    long userId = m.find() ? Long.parseLong(m.group(1)) : -1;
                    if (!users.containsKey(userId)) {
                        unknownUsers.incrementAndGet();
                        send(ex, 422, "{\"status\":422}");
                        return;
                    }
                    long id = ids.incrementAndGet();
                    orderStatus.put(id, "NEW");
                    send(ex, 201, "{\"id\":" + id + ",\"userId\":" + userId + ",\"status\":\"NEW\"}");
                }
                case "GET /orders" -> send(ex, 200, "{\"items\":[],\"total\":0,\"limit\":20,\"offset\":0}");
                case "PATCH /orders/{id}" -> patchOrder(ex, path, body);
                default -> send(ex, 200, "{\"ok\":true}");
            }
        }
    }

    private void patchOrder(HttpExchange ex, String path, String body) throws IOException {
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        Matcher m = STATUS.matcher(body);
        String to = m.find() ? m.group(1) : "";
        synchronized (orderStatus) {
            String from = orderStatus.get(id);
            boolean legal = from != null && org.opsconsole.model.OrderStatus.valueOf(from)
                    .canMoveTo(org.opsconsole.model.OrderStatus.valueOf(to));
            if (!legal) {
                illegalMoves.incrementAndGet();
                send(ex, 409, "{\"status\":409}");
                return;
            }
            orderStatus.put(id, to);
        }
        send(ex, 200, "{\"id\":" + id + ",\"status\":\"" + to + "\"}");
    }

    private static void waitUntil(long deadline) {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            LockSupport.parkNanos(deadline - now);
        }
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
