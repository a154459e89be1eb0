package org.opsconsole.console.events;

/** One server-sent event as OkHttp's SSE module reads it: its id (the last one seen), type (null means "message") and joined data lines. */
public record SseEvent(String id, String event, String data) {
}
