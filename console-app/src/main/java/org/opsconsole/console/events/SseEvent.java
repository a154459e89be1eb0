package org.opsconsole.console.events;

/** One server-sent event: its {@code id:}, {@code event:} (null means "message") and joined {@code data:} lines. */
public record SseEvent(String id, String event, String data) {
}
