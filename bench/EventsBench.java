import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events benchmark against a running users + orders pair (see bench/events.sh):
 *   burst USERS_URL N [away]  N user creations from 16 clients, and the relay's rate from the outbox to the
 *                         broker (confirmed events per second, from the services' metrics); "away": the
 *                         broker is not there, only the writes are timed
 *   drain USERS_URL       with events waiting in the outbox (the broker was away), the relay's rate while
 *                         it catches up: confirmed events per second until nothing is pending
 *   cascade USERS_URL ORDERS_URL N   N times: a user with an order, DELETE the user, time until the
 *                         order reads CANCELLED (polled every millisecond); prints p50 and p99
 */
public final class EventsBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "burst" -> burst(URI.create(args[1]), Integer.parseInt(args[2]), args.length < 4 || !args[3].equals("away"));
            case "drain" -> drain(URI.create(args[1]));
            case "cascade" -> cascade(URI.create(args[1]), URI.create(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void burst(URI users, int count, boolean brokerThere) throws Exception {
        double publishedBefore = metric(users, "outbox_events_published_total");
        AtomicInteger next = new AtomicInteger();
        String stamp = Long.toString(System.nanoTime());
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int c = 0; c < 16; c++) {
                clients.submit(() -> {
                    for (int i; (i = next.incrementAndGet()) <= count; ) {
                        send("POST", users.resolve("/users"), "{\"name\":\"Burst\",\"email\":\"burst" + stamp + "-" + i + "@bench.test\"}");
                    }
                    return null;
                });
            }
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d creations in %.1f s: %.0f requests/s%n", count, writeSeconds, count / writeSeconds);
        if (!brokerThere) {
            return;
        }
        while (metric(users, "outbox_events_pending") > 0) {
            Thread.sleep(20);
        }
        double allSeconds = (System.nanoTime() - start) / 1e9;
        double published = metric(users, "outbox_events_published_total") - publishedBefore;
        System.out.printf("%.0f events confirmed by the broker %.1f s after the burst began: %.0f events/s"
                + " (the relay drained %.1f s after the last write)%n", published, allSeconds, published / allSeconds,
                allSeconds - writeSeconds);
    }

    private static void drain(URI users) throws Exception {
        double pendingAtStart = metric(users, "outbox_events_pending");
        double publishedBefore = metric(users, "outbox_events_published_total");
        long start = System.nanoTime();
        while (metric(users, "outbox_events_pending") > 0) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double published = metric(users, "outbox_events_published_total") - publishedBefore;
        System.out.printf("%.0f events were waiting; %.0f confirmed in %.1f s: %.0f events/s%n", pendingAtStart, published,
                seconds, published / seconds);
    }

    private static void cascade(URI users, URI orders, int count) throws Exception {
        long[] micros = new long[count];
        String stamp = Long.toString(System.nanoTime());
        for (int i = 0; i < count; i++) {
            String user = send("POST", users.resolve("/users"), "{\"name\":\"Gone\",\"email\":\"gone" + stamp + "-" + i + "@bench.test\"}");
            long userId = id(user);
            long orderId = id(send("POST", orders.resolve("/orders"), "{\"userId\":" + userId
                    + ",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}"));
            long t0 = System.nanoTime();
            send("DELETE", users.resolve("/users/" + userId), null);
            while (!send("GET", orders.resolve("/orders/" + orderId), null).contains("\"CANCELLED\"")) {
                Thread.sleep(0, 500_000);
            }
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("DELETE /users/{id} to order CANCELLED, %d times: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", count,
                micros[count / 2] / 1000.0, micros[(int) Math.ceil(count * 0.99) - 1] / 1000.0, micros[count - 1] / 1000.0);
    }

    private static long id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String send(String method, URI uri, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> res = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + uri + " answered " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    /** A metric's value summed over its series; NaN when the service does not export it. */
    private static double metric(URI service, String name) throws Exception {
        double sum = 0;
        boolean found = false;
        for (String line : send("GET", service.resolve("/observe/metrics"), null).lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }
}
