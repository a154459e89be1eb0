package org.opsconsole.service.kit;

import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import org.opsconsole.model.ServiceEvent;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /events?after=&limit=} (or {@code ?tail=N}: the last N): the outbox as a JSON page, or, with
 * {@code Accept: text/event-stream}, as a live SSE stream that resumes after {@code Last-Event-ID}.
 */
final class EventsEndpoint {

    private static final int MAX_LIMIT = 1000;
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final Outbox outbox;
    private final Database db;
    private final AtomicBoolean open = new AtomicBoolean(true);

    EventsEndpoint(Outbox outbox, Database db) {
        this.outbox = outbox;
        this.db = db;
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/events", this::events);
    }

    /** Ends every open stream; called when the service stops. */
    void close() {
        open.set(false);
        outbox.wakeAll();
    }

    private void events(ServerRequest req, ServerResponse res) {
        // ?tail=N starts N events before the current end: a live view that wants recent history only
        long start = RequestParams.query(req, "tail")
                .map(text -> Math.max(0L, outbox.horizon() - RequestParams.intBetween("tail", text, 0, MAX_LIMIT)))
                .orElse(0L);
        long after = RequestParams.query(req, "after")
                .map(text -> (long) RequestParams.intBetween("after", text, 0, Integer.MAX_VALUE))
                .orElse(start);
        int limit = RequestParams.query(req, "limit")
                .map(text -> RequestParams.intBetween("limit", text, 1, MAX_LIMIT))
                .orElse(100);
        boolean stream = req.headers().first(HeaderNames.ACCEPT).orElse("").contains("text/event-stream");
        if (stream) {
            String lastEventId = req.headers().first(HeaderNames.create("Last-Event-ID")).orElse("");
            if (!lastEventId.isBlank()) {
                after = RequestParams.intBetween("Last-Event-ID", lastEventId.trim(), 0, Integer.MAX_VALUE);
            }
            stream(res, after);
            return;
        }
        List<ServiceEvent> items = outbox.after(db.client().execute(), after, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("lastId", items.isEmpty() ? after : items.getLast().id());
        JsonBodies.send(res, body);
    }

    private void stream(ServerResponse res, long after) {
        long last = after;
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().comment("events after " + after).build());
            while (open.get()) {
                List<ServiceEvent> batch = outbox.after(db.client().execute(), last, 100);
                for (ServiceEvent event : batch) {
                    sink.emit(SseEvent.builder()
                            .id(Long.toString(event.id()))
                            .name(event.type())
                            .data(new String(JsonBodies.bytes(event), StandardCharsets.UTF_8))
                            .build());
                    last = event.id();
                }
                if (batch.isEmpty()) {
                    outbox.awaitAfter(last, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                    if (outbox.horizon() <= last) {
                        sink.emit(SseEvent.builder().comment("keep-alive").build());
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // the client went away, or the server is stopping: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
