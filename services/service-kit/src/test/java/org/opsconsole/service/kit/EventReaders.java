package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Readers of a service's {@code /events}, as other programs follow it: paging, and the SSE stream. */
public final class EventReaders {

    private EventReaders() {
    }

    /** Every event id the service lists now, paging from the start. */
    public static List<Long> listAll(URI base) {
        List<Long> ids = new ArrayList<>();
        long after = 0;
        TestClient client = new TestClient(base);
        while (true) {
            JsonNode page = client.get("/events?after=" + after + "&limit=1000").json();
            if (page.get("items").isEmpty()) {
                return ids;
            }
            page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            after = page.get("lastId").asLong();
        }
    }

    /** Pages through the events until {@code count} ids were read; answers them in the order read. */
    public static CompletableFuture<List<Long>> pageUntil(URI base, int count) {
        return CompletableFuture.supplyAsync(() -> {
            List<Long> ids = new ArrayList<>();
            long after = 0;
            TestClient client = new TestClient(base);
            while (ids.size() < count) {
                JsonNode page = client.get("/events?after=" + after + "&limit=37").json();
                page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
                after = page.get("lastId").asLong();
            }
            return ids;
        });
    }

    /**
     * Follows the SSE stream from the start until {@code count} events arrived; answers their ids.
     * Fails if the stream ends before that.
     */
    public static CompletableFuture<List<Long>> streamUntil(URI base, int count) {
        return CompletableFuture.supplyAsync(() -> {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/events"))
                    .header("Accept", "text/event-stream").build();
            try {
                HttpResponse<Stream<String>> res = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                        .send(request, HttpResponse.BodyHandlers.ofLines());
                List<Long> ids = new ArrayList<>();
                try (Stream<String> lines = res.body()) {
                    Iterator<String> it = lines.iterator();
                    while (ids.size() < count) {
                        if (!it.hasNext()) {
                            throw new AssertionError("the event stream ended after " + ids.size() + " of " + count
                                    + " events");
                        }
                        String line = it.next();
                        if (line.startsWith("id:")) {
                            ids.add(Long.parseLong(line.substring(3).trim()));
                        }
                    }
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
