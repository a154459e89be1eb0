package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import org.opsconsole.model.Json;
import org.opsconsole.service.kit.BackgroundWorker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Follows the user service's event stream and applies {@code user.deleted} by cancelling that
 * user's open orders. The last applied event id is stored with the change it caused, so a
 * restart of either service neither loses nor repeats an event.
 */
final class UserEventsConsumer extends BackgroundWorker implements UserEvents {

    static final String SOURCE = "users";
    private static final int BATCH = 200;
    private static final Duration IDLE_POLL = Duration.ofMillis(250);
    /** How long the users service holds a read with no event to give (a long poll, {@code ?wait=}). */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final OrderRepository orders;
    private final URI userService;
    // made on the consumer's own thread when it starts: a Helidon client took tens of ms off the service's start
    private WebClient client;
    private final String authorization;
    private final Logger log;

    /** @param token the API token the users service wants for its events off loopback; null for none */
    UserEventsConsumer(OrderRepository orders, URI userService, String token, Logger log) {
        super("orders-user-events");
        this.orders = orders;
        this.log = log;
        this.authorization = token == null ? "" : "Bearer " + token;
        this.userService = userService;
    }

    @Override
    protected void work() {
        client = WebClient.builder()
                .baseUri(userService)
                .connectTimeout(Duration.ofMillis(500))
                .readTimeout(WAIT.plusSeconds(5))
                .build();
        while (running()) {
            try {
                long asked = System.nanoTime();
                int applied = pollOnce();
                if (succeeded()) {
                    log.info("user events: the user service is reachable again; resuming after event "
                            + orders.offset(SOURCE));
                }
                // an empty answer comes after the wait; one that comes at once is from a service
                // that does not hold reads: then ask a few times a second
                if (applied == 0 && System.nanoTime() - asked < WAIT.toNanos() / 2) {
                    Thread.sleep(IDLE_POLL);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                if (!running()) {
                    return;
                }
                failed(log, "user events: cannot read the user service's events (" + e.getMessage() + "); will retry");
                if (!backOff()) {
                    return;
                }
            }
        }
    }

    /** Reads and applies one batch of events; answers how many were read. */
    int pollOnce() throws IOException {
        long after = orders.offset(SOURCE);
        JsonNode page;
        var request = client.get("/events")
                .queryParam("after", Long.toString(after))
                .queryParam("limit", Integer.toString(BATCH))
                .queryParam("wait", Long.toString(WAIT.toSeconds()))
                // a fresh connection for each read: Helidon's cache hands a kept connection back
                // to a monitor thread between reads, and a reuse racing that monitor fails the
                // read (helidon-io/helidon#10861); one connect per long poll costs nothing
                .keepAlive(false)
                .header(HeaderNames.ACCEPT, "application/json");
        if (!authorization.isEmpty()) {
            request.header(HeaderNames.AUTHORIZATION, authorization);
        }
        try (HttpClientResponse res = request.request();
             InputStream body = res.inputStream()) {
            if (res.status().code() != 200) {
                throw new IOException("the user service answered " + res.status().code() + " for its events");
            }
            page = Json.mapper().readTree(body);
        }
        int count = 0;
        long skippedUpTo = 0;
        for (JsonNode event : page.path("items")) {
            long id = event.path("id").asLong();
            if ("user.deleted".equals(event.path("type").asText())) {
                long userId = event.path("subjectId").asLong();
                int cancelled = orders.cancelOpenOrdersOf(userId, SOURCE, id);
                skippedUpTo = 0;
                if (cancelled > 0) {
                    log.info(() -> "user " + userId + " was deleted: cancelled " + cancelled + " open order(s)");
                }
            } else {
                skippedUpTo = id;
            }
            count++;
        }
        // events that need no change are recorded once per batch, not once each
        if (skippedUpTo > 0) {
            orders.skip(SOURCE, skippedUpTo);
        }
        return count;
    }
}
