package org.opsconsole.console.events;

import okhttp3.OkHttpClient;
import org.opsconsole.console.api.ServiceEndpoint;
import org.opsconsole.console.history.SequencedBuffer;
import org.opsconsole.model.ServiceEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The live activity feed: the event streams of every service, merged in arrival order into one ring. */
public final class EventFeed implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 5_000;

    private final SequencedBuffer<ServiceEvent> events;
    private final List<EventStreamClient> clients = new ArrayList<>();
    private final Map<String, StreamState> states = new ConcurrentHashMap<>();

    public EventFeed(List<ServiceEndpoint> endpoints, OkHttpClient streamingClient, int capacity) {
        this.events = new SequencedBuffer<>(capacity);
        for (ServiceEndpoint endpoint : endpoints) {
            states.put(endpoint.name(), StreamState.WAITING);
            clients.add(new EventStreamClient(endpoint, streamingClient, events::append,
                    state -> states.put(endpoint.name(), state)));
        }
    }

    public EventFeed start() {
        clients.forEach(EventStreamClient::start);
        return this;
    }

    public SequencedBuffer<ServiceEvent> events() {
        return events;
    }

    /** Each service's stream state, by service name. */
    public Map<String, StreamState> states() {
        return Map.copyOf(states);
    }

    @Override
    public void close() {
        clients.forEach(EventStreamClient::close);
    }
}
