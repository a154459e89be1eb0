package org.opsconsole.console.events;

import java.util.function.Consumer;

/**
 * Reads the text/event-stream format line by line (WHATWG HTML, "server-sent events"): fields
 * {@code id}, {@code event}, {@code data} (several join with a newline), comments starting with
 * {@code :}, and a blank line that dispatches the event. An event without data is not dispatched.
 * The last id carries over to later events, as the spec says, so it is what a reconnect resumes from.
 */
public final class SseParser {

    private final Consumer<SseEvent> sink;
    private String lastId;
    private String event;
    private StringBuilder data;

    public SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    /** The last {@code id:} seen, for {@code Last-Event-ID}; null before any. */
    public String lastId() {
        return lastId;
    }

    /** Feeds one line, without its line terminator. */
    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // "retry" and unknown fields: the client's own back-off decides
            }
        }
    }

    /** Forgets a half-received event (the connection dropped); keeps the last id. */
    public void reset() {
        event = null;
        data = null;
    }

    private void dispatch() {
        if (data != null) {
            sink.accept(new SseEvent(lastId, event, data.toString()));
        }
        event = null;
        data = null;
    }
}
