package org.opsconsole.console.load.transport;

import okhttp3.Request;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link HttpConnections} for callers that wait for each answer (the closed model's virtual users,
 * the preparation and deletion of a run's data): each calling thread drives connections of its own,
 * so a thread keeps its kept-alive connection per host from one request to the next.
 */
public final class PlainHttpClient implements LoadHttpClient {

    private static final byte[] NO_BODY = new byte[0];

    private final Duration timeout;
    private final Set<HttpConnections> all = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<HttpConnections> perThread = new ThreadLocal<>();
    private volatile boolean closing;

    public PlainHttpClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Outcome send(Request request, boolean readBody) {
        if (closing) {
            return new Outcome(0, "cancelled", NO_BODY);
        }
        HttpConnections mine;
        try {
            mine = mine();
        } catch (IOException e) {
            return new Outcome(0, LoadHttpClient.kindOf(e, closing), NO_BODY);
        }
        Outcome[] answer = new Outcome[1];
        mine.send(request, readBody, outcome -> answer[0] = outcome);
        while (answer[0] == null) {
            mine.poll(Long.MAX_VALUE);
        }
        return answer[0];
    }

    private HttpConnections mine() throws IOException {
        HttpConnections mine = perThread.get();
        if (mine == null) {
            mine = new HttpConnections(timeout);
            perThread.set(mine);
            all.add(mine);
            if (closing) {
                mine.cancel();
            }
        }
        return mine;
    }

    @Override
    public void cancelAll() {
        closing = true;
        all.forEach(HttpConnections::cancel);
    }

    /** Closes every thread's connections; the threads that used them are done by now. */
    @Override
    public void close() {
        all.forEach(HttpConnections::close);
        all.clear();
    }
}
