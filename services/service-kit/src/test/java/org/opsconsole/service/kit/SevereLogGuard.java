package org.opsconsole.service.kit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Fails the test during which a service logged a SEVERE line: a service that logs SEVERE has
 * failed at something, even when the client got an answer. Registered for every service test by
 * JUnit's extension auto-detection (META-INF/services).
 */
public final class SevereLogGuard implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SevereLogGuard.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Collector collector = new Collector();
        Logger.getLogger("").addHandler(collector);
        context.getStore(NAMESPACE).put(Collector.class, collector);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, "this test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Collector collector = collector(context);
        if (collector != null) {
            Logger.getLogger("").removeHandler(collector);
        }
        check(context, "this test class's set-up or tear-down");
    }

    private static void check(ExtensionContext context, String when) {
        Collector collector = collector(context);
        if (collector == null || collector.records.isEmpty()) {
            return;
        }
        List<String> allowed = context.getTestMethod()
                .map(m -> m.getAnnotation(AllowsSevereLog.class))
                .map(a -> List.of(a.value()))
                .orElse(List.of());
        List<LogRecord> seen = collector.records.stream()
                .filter(r -> !allowed.contains(r.getLoggerName()))
                .toList();
        collector.records.clear();
        if (seen.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("a service logged SEVERE during " + when + ":");
        for (LogRecord r : seen) {
            text.append("\n  ").append(r.getLoggerName()).append(": ").append(r.getMessage());
            if (r.getThrown() != null) {
                text.append(" (").append(r.getThrown()).append(')');
            }
        }
        throw new AssertionError(text.toString());
    }

    private static Collector collector(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).get(Collector.class, Collector.class);
    }

    private static final class Collector extends Handler {
        private final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
