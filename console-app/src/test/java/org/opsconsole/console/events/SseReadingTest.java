package org.opsconsole.console.events;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The text/event-stream rules the console relies on, as OkHttp's SSE module applies them. */
class SseReadingTest {

    private final List<SseEvent> events = new ArrayList<>();

    private Throwable feed(String text) {
        return feed(text, "text/event-stream");
    }

    private Throwable feed(String text, String contentType) {
        Response response = new Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1/events").build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(text, MediaType.get(contentType)))
                .build();
        return EventStreamClient.read(response, () -> false, events::add);
    }

    @Test
    void dispatchesOnBlankLine() {
        assertThat(feed("""
                id: 7
                event: user.created
                data: {"id":7}

                """)).isNull();
        assertThat(events).containsExactly(new SseEvent("7", "user.created", "{\"id\":7}"));
    }

    @Test
    void joinsDataLinesAndIgnoresCommentsAndUnknownFields() {
        feed("""
                : keep-alive
                retry: 1000
                data:first
                data: second
                whatever: x

                """);
        assertThat(events).containsExactly(new SseEvent(null, null, "first\nsecond"));
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        // OkHttp hands each event its own id line only (the console resumes from the id in the
        // event's data, which the services always send): the spec's carried-over id is not needed
        feed("""
                id: 41

                id: 42
                data: x

                """);
        assertThat(events).containsExactly(new SseEvent("42", null, "x"));
    }

    @Test
    void aHalfReceivedEventIsNotDispatched() {
        feed("id: 1\ndata: partial");
        assertThat(events).isEmpty();
    }

    @Test
    void anotherContentTypeIsAFailure() {
        assertThat(feed("data: x\n\n", "application/json")).isNotNull();
        assertThat(events).isEmpty();
    }
}
