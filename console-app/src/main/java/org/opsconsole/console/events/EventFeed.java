package org.opsconsole.console.events;

import okhttp3.OkHttpClient;
import org.opsconsole.console.api.ServiceEndpoint;
import org.opsconsole.console.history.SequencedBuffer;
import org.opsconsole.model.ServiceEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The live activity feed: the event streams of every service, merged in arrival order into one ring. */
public final class EventFeed implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 5_000;

    private final SequencedBuffer<ServiceEvent> events;
    private final List<EventStreamClient> clients = new CopyOnWriteArrayList<>();
    private final Map<String, StreamState> states = new ConcurrentHashMap<>();
    private final OkHttpClient streamingClient;
    private boolean started;

    public EventFeed(List<ServiceEndpoint> endpoints, OkHttpClient streamingClient, int capacity) {
        this.events = new SequencedBuffer<>(capacity);
        this.streamingClient = streamingClient;
        endpoints.forEach(this::add);
    }

    public synchronized EventFeed start() {
        started = true;
        clients.forEach(EventStreamClient::start);
        return this;
    }

    /** Follows one more service's stream (a service added at run time); at once when the feed has started. */
    public synchronized void add(ServiceEndpoint endpoint) {
        states.put(endpoint.name(), StreamState.WAITING);
        EventStreamClient client = new EventStreamClient(endpoint, streamingClient, events::append,
                state -> states.put(endpoint.name(), state));
        clients.add(client);
        if (started) {
            client.start();
        }
    }

    /** Stops following the named service; the events it sent stay in the feed. */
    public synchronized void remove(String name) {
        for (EventStreamClient client : clients) {
            if (client.service().equals(name)) {
                clients.remove(client);
                client.close();
            }
        }
        states.remove(name);
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
