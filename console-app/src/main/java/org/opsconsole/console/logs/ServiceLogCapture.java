package org.opsconsole.console.logs;

import org.opsconsole.console.history.SequencedBuffer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures one service's log: a java.util.logging handler on the service's logger (and so on its
 * children) that keeps the newest lines in a ring buffer. The logger name stays the same across
 * restarts, so the capture follows the service through them. Holds the logger strongly, since JUL
 * forgets loggers nobody references, and with them their handlers.
 */
public final class ServiceLogCapture extends Handler {

    public static final int DEFAULT_CAPACITY = 20_000;

    private final String service;
    private final Logger logger;
    private final SequencedBuffer<LogEntry> lines;
    private final SimpleFormatter messages = new SimpleFormatter();

    private ServiceLogCapture(String service, Logger logger, int capacity) {
        this.service = service;
        this.logger = logger;
        this.lines = new SequencedBuffer<>(capacity);
        setLevel(Level.ALL);
    }

    /** Starts capturing what {@code loggerName} and its children write. */
    public static ServiceLogCapture attach(String service, String loggerName, int capacity) {
        Logger logger = Logger.getLogger(loggerName);
        ServiceLogCapture capture = new ServiceLogCapture(service, logger, capacity);
        logger.addHandler(capture);
        return capture;
    }

    public String service() {
        return service;
    }

    public SequencedBuffer<LogEntry> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        String message;
        try {
            message = messages.formatMessage(record);
        } catch (RuntimeException e) {
            message = String.valueOf(record.getMessage());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            message = message + System.lineSeparator() + trace.toString().stripTrailing();
        }
        String loggerName = record.getLoggerName() == null ? logger.getName() : record.getLoggerName();
        lines.append(new LogEntry(service, record.getInstant(), record.getLevel(), loggerName, message));
    }

    @Override
    public void flush() {
        // nothing buffered outside the ring
    }

    /** Stops capturing; the lines kept so far stay readable. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
