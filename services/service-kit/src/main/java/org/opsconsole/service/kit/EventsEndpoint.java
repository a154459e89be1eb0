package org.opsconsole.service.kit;

import io.helidon.dbclient.DbClientException;
import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import org.opsconsole.model.ServiceEvent;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /events?after=&limit=} (or {@code ?tail=N}: the last N): the outbox as a JSON page, or, with
 * {@code Accept: text/event-stream}, as a live SSE stream that resumes after {@code Last-Event-ID}.
 * A stream ends only when its client goes away or the service stops: a failed read of the
 * database is retried.
 */
final class EventsEndpoint {

    private static final int MAX_LIMIT = 1000;
    private static final int STREAM_BATCH = 100;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Duration RETRY_READ = Duration.ofMillis(500);

    /** The longest a JSON read of the events waits for one ({@code ?wait=}). */
    static final int MAX_WAIT_SECONDS = 30;

    private final Outbox outbox;
    private final Logger log;
    private final AtomicBoolean open = new AtomicBoolean(true);

    EventsEndpoint(Outbox outbox, Logger log) {
        this.outbox = outbox;
        this.log = log;
    }

    void register(HttpRouting.Builder routing) {
        HeadRequests.get(routing, "/events", this::events);
    }

    /** Ends every open stream; called when the service stops. */
    void close() {
        open.set(false);
        outbox.wakeAll();
    }

    private void events(ServerRequest req, ServerResponse res) {
        int limit = RequestParams.query(req, "limit")
                .map(text -> RequestParams.intBetween("limit", text, 1, MAX_LIMIT))
                .orElse(100);
        // a HEAD asks what a GET would answer, not for a stream that never ends
        boolean stream = !HeadRequests.active() && req.headers().first(HeaderNames.ACCEPT).orElse("").contains("text/event-stream");
        String lastEventId = stream ? req.headers().first(HeaderNames.create("Last-Event-ID")).orElse("").trim() : "";
        long after;
        if (!lastEventId.isEmpty()) {
            after = RequestParams.nonNegative("Last-Event-ID", lastEventId);
        } else if (RequestParams.query(req, "after").isPresent()) {
            after = RequestParams.nonNegative("after", RequestParams.query(req, "after").orElseThrow());
        } else {
            // ?tail=N starts N events before the current end: a live view that wants recent history only
            after = RequestParams.query(req, "tail")
                    .map(text -> outbox.tailStart(RequestParams.intBetween("tail", text, 0, MAX_LIMIT)))
                    .orElse(0L);
        }
        if (stream) {
            stream(res, after);
            return;
        }
        // ?wait=S (a long poll): with nothing after the id yet, answer as soon as an event is
        // committed, or empty after S seconds; a follower then asks a few times a minute, not a few times a second
        Duration wait = RequestParams.query(req, "wait")
                .map(text -> Duration.ofSeconds(RequestParams.intBetween("wait", text, 0, MAX_WAIT_SECONDS)))
                .orElse(Duration.ZERO);
        long deadline = System.nanoTime() + wait.toNanos();
        long seen = outbox.changeCount();
        List<ServiceEvent> items = outbox.after(after, limit);
        while (items.isEmpty() && open.get() && System.nanoTime() < deadline) {
            long waitFrom = System.nanoTime();
            try {
                outbox.awaitChange(seen, Duration.ofNanos(deadline - waitFrom));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                HeldTime.add(System.nanoTime() - waitFrom);
            }
            seen = outbox.changeCount();
            items = outbox.after(after, limit);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("lastId", items.isEmpty() ? after : items.getLast().id());
        JsonBodies.send(res, body);
    }

    private void stream(ServerResponse res, long after) {
        long last = after;
        long openedAt = System.nanoTime();
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().comment("events after " + after).build());
            long quietSince = System.nanoTime();
            boolean failing = false;
            while (open.get()) {
                long seen = outbox.changeCount();
                List<ServiceEvent> batch;
                try {
                    batch = outbox.after(last, STREAM_BATCH);
                } catch (DbClientException | IllegalStateException e) {
                    if (!open.get()) {
                        return;
                    }
                    if (!failing) {
                        log.log(Level.WARNING, "events stream: reading the outbox failed (" + e.getMessage()
                                + "); retrying");
                        failing = true;
                    }
                    Thread.sleep(RETRY_READ);
                    continue;
                }
                failing = false;
                for (ServiceEvent event : batch) {
                    sink.emit(SseEvent.builder()
                            .id(Long.toString(event.id()))
                            .name(event.type())
                            .data(new String(JsonBodies.bytes(event), StandardCharsets.UTF_8))
                            .build());
                    last = event.id();
                }
                if (!batch.isEmpty()) {
                    quietSince = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - quietSince >= KEEP_ALIVE.toNanos()) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                    quietSince = System.nanoTime();
                }
                outbox.awaitChange(seen, KEEP_ALIVE);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // the client went away, or the server is closing the connection: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // a stream is held open for as long as the client listens: none of it is latency
            HeldTime.add(System.nanoTime() - openedAt);
        }
    }
}
