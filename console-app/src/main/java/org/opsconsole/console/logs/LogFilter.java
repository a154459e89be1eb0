package org.opsconsole.console.logs;

import java.util.function.Predicate;
import java.util.logging.Level;

/**
 * What the Logs screen shows: lines at or above a level that contain a text.
 *
 * @param minimum lowest level shown ({@link Level#ALL} for everything)
 * @param text    text a line must contain, case-insensitively; blank for any
 */
public record LogFilter(Level minimum, String text) implements Predicate<LogEntry> {

    public static final LogFilter ALL = new LogFilter(Level.ALL, "");

    @Override
    public boolean test(LogEntry entry) {
        return entry.level().intValue() >= minimum.intValue() && entry.contains(text);
    }
}
