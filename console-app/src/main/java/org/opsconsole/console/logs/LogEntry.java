package org.opsconsole.console.logs;

import java.time.Instant;
import java.util.logging.Level;

/**
 * One captured log line of a service.
 *
 * @param service  "users" or "orders"
 * @param time     when it was logged
 * @param level    its java.util.logging level
 * @param logger   the logger that wrote it
 * @param message  the formatted message, with the stack trace of a thrown exception appended
 */
public record LogEntry(String service, Instant time, Level level, String logger, String message) {

    /** True when this line matches {@code text}, case-insensitively, in its message or logger. */
    public boolean contains(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return message.toLowerCase(java.util.Locale.ROOT).contains(needle)
                || logger.toLowerCase(java.util.Locale.ROOT).contains(needle);
    }
}
