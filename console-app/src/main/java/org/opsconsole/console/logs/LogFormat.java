package org.opsconsole.console.logs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a log line reads on screen and in an exported file: {@code 2026-11-28 21:50:01.123 INFO    [logger] message}. */
public final class LogFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private LogFormat() {
    }

    public static String line(LogEntry entry) {
        return TIME.format(entry.time()) + ' ' + pad(entry.level().getName()) + ' ' + shortLogger(entry.logger()) + ' ' + entry.message();
    }

    private static String pad(String level) {
        return level.length() >= 7 ? level : level + " ".repeat(7 - level.length());
    }

    /** The last segment of the logger name, bracketed: "[user]", "[supervisor]". */
    static String shortLogger(String logger) {
        int dot = logger.lastIndexOf('.');
        return '[' + (dot < 0 ? logger : logger.substring(dot + 1)) + ']';
    }
}
