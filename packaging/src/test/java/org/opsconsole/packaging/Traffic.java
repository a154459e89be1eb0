package org.opsconsole.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A few requests of every kind the dashboard charts: successes, 404s, creations. */
final class Traffic {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI users;
    private final URI orders;

    Traffic(URI users, URI orders) {
        this.users = users;
        this.orders = orders;
    }

    /** One round; returns nothing, fails on a connection error only (status codes are the point). */
    void round() {
        int n = SEQ.incrementAndGet();
        int created = send(post(users.resolve("/users"),
                "{\"name\":\"Load " + n + "\",\"email\":\"load" + n + "-" + System.nanoTime() + "@example.org\"}"));
        if (created != 201) {
            throw new AssertionError("POST /users answered " + created);
        }
        send(get(users.resolve("/users?limit=5")));
        send(get(users.resolve("/users/1")));
        send(get(users.resolve("/users/999999")));      // 404 on a known route
        send(get(users.resolve("/no-such-path")));      // 404, route "unmatched"
        send(post(orders.resolve("/orders"),
                "{\"userId\":1,\"items\":[{\"sku\":\"SKU-" + n + "\",\"quantity\":1,\"unitPrice\":\"2.50\"}]}"));
        send(get(orders.resolve("/orders?limit=5")));
        send(get(orders.resolve("/orders/999999")));
        send(post(orders.resolve("/orders"), "{\"userId\":1}"));   // 4xx: no items
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    }

    private static HttpRequest post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
