package org.opsconsole.console.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.opsconsole.console.api.ServiceEndpoint;
import org.opsconsole.model.Json;
import org.opsconsole.model.ServiceEvent;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows one service's {@code GET /events} as a server-sent event stream, on its own thread. When
 * the stream drops (the service stopped or restarted) it reconnects with a growing pause and resumes
 * with {@code Last-Event-ID}, so nothing is lost or repeated. While the service is not running it
 * waits. If the service comes back at another address its event numbers may have started again, so
 * it then starts over without an id. The stream is read by OkHttp's SSE module on this client's
 * thread ({@link EventSources#processResponse}), which keeps the reconnect policy here.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventStreamClient.class.getName());
    private static final Duration WAIT_STEP = Duration.ofMillis(500);
    /** Events shown from before the console connected: the feed is live, not an archive. */
    public static final int FIRST_CONNECT_HISTORY = 200;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final ObjectReader EVENT_READER = Json.mapper().readerFor(ServiceEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final ServiceEndpoint endpoint;
    private final OkHttpClient client;
    private final Consumer<ServiceEvent> sink;
    private final Consumer<StreamState> stateListener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Call current;
    private volatile StreamState state = StreamState.WAITING;
    private long lastId;
    private URI lastUri;

    public EventStreamClient(ServiceEndpoint endpoint, OkHttpClient streamingClient, Consumer<ServiceEvent> sink,
                             Consumer<StreamState> stateListener) {
        this.endpoint = endpoint;
        this.client = streamingClient;
        this.sink = sink;
        this.stateListener = stateListener;
        this.thread = Thread.ofPlatform().daemon().name("events-" + endpoint.name()).unstarted(this::run);
    }

    public EventStreamClient start() {
        thread.start();
        return this;
    }

    public StreamState state() {
        return state;
    }

    public String service() {
        return endpoint.name();
    }

    @Override
    public void close() {
        closed = true;
        Call call = current;
        if (call != null) {
            call.cancel();
        }
        thread.interrupt();
        setState(StreamState.CLOSED);
    }

    private void run() {
        Duration backoff = WAIT_STEP;
        while (!closed) {
            Optional<URI> base = endpoint.currentUri();
            if (base.isEmpty()) {
                setState(StreamState.WAITING);
                if (!pause(WAIT_STEP)) {
                    return;
                }
                continue;
            }
            if (lastUri != null && !lastUri.equals(base.get())) {
                lastId = 0;
            }
            lastUri = base.get();
            try {
                follow(base.get());
                backoff = WAIT_STEP;
            } catch (Exception e) {   // also the InterruptedException OkHttp lets through when close() interrupts a connect
                if (closed) {
                    return;
                }
                LOG.log(Level.FINE, () -> "event stream of " + endpoint.name() + " dropped: " + e.getMessage());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            if (closed) {
                return;
            }
            setState(StreamState.RECONNECTING);
            if (!pause(backoff)) {
                return;
            }
        }
    }

    private void follow(URI base) throws IOException {
        Request.Builder request = new Request.Builder()
                // first connection: recent history only, not the whole outbox
                .url(base.resolve(lastId > 0 ? "/events" : "/events?tail=" + FIRST_CONNECT_HISTORY).toString())
                .header("Accept", "text/event-stream")
                .get();
        if (lastId > 0) {
            request.header("Last-Event-ID", Long.toString(lastId));
        }
        Call call = client.newCall(request.build());
        current = call;
        try (Response response = call.execute()) {
            if (response.code() != 200) {
                throw new IOException("HTTP " + response.code());
            }
            setState(StreamState.CONNECTED);
            Throwable failure = read(response, () -> closed, this::deliver);
            if (failure != null && !closed) {
                throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
            }
        } finally {
            current = null;
        }
    }

    /**
     * Reads an event stream to its end with OkHttp's SSE parser, handing each event to
     * {@code sink} on the calling thread; answers what ended it, or null for a clean end.
     */
    static Throwable read(Response response, BooleanSupplier closed, Consumer<SseEvent> sink) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        EventSources.processResponse(response, new EventSourceListener() {
            @Override
            public void onEvent(EventSource source, String id, String type, String data) {
                if (closed.getAsBoolean()) {
                    source.cancel();
                    return;
                }
                sink.accept(new SseEvent(id, type, data));
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response failed) {
                failure.set(t != null ? t : new IOException("the event stream answered HTTP " + failed.code()));
            }
        });
        return failure.get();
    }

    private void deliver(SseEvent event) {
        try {
            ServiceEvent parsed = EVENT_READER.readValue(event.data());
            if (parsed.id() > 0 && parsed.id() <= lastId) {
                return;
            }
            lastId = Math.max(lastId, parsed.id());
            sink.accept(parsed);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, () -> "an event of " + endpoint.name() + " could not be read: " + e.getMessage());
        }
    }

    private void setState(StreamState next) {
        if (state != next) {
            state = next;
            stateListener.accept(next);
        }
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
