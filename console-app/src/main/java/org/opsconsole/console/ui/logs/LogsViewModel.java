package org.opsconsole.console.ui.logs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.opsconsole.console.logs.LogEntry;
import org.opsconsole.console.logs.LogExport;
import org.opsconsole.console.logs.LogFilter;
import org.opsconsole.console.logs.ServiceLogCapture;
import org.opsconsole.console.ui.fx.FxThread;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;

/**
 * The Logs screen's state: per service, the lines captured so far (up to a limit), pulled from the
 * capture's ring at a steady rate by {@link #poll()}, and the filter the operator typed.
 */
public final class LogsViewModel {

    public static final int MAX_LINES = 10_000;
    public static final List<Level> LEVELS = List.of(Level.ALL, Level.FINE, Level.INFO, Level.WARNING, Level.SEVERE);

    private final Map<String, ServiceLogCapture> captures = new LinkedHashMap<>();
    private final Map<String, ObservableList<LogEntry>> lines = new LinkedHashMap<>();
    private final Map<String, FilteredList<LogEntry>> visible = new LinkedHashMap<>();
    private final Map<String, Long> seen = new LinkedHashMap<>();
    private final Executor io;

    // Properties //

    private final StringProperty service;
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.ALL);
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Map<String, String> unavailable;

    public LogsViewModel(List<ServiceLogCapture> captures, Executor io) {
        this(captures, io, Map.of());
    }

    /** @param unavailable per service that runs elsewhere, the sentence saying its log can't be shown */
    public LogsViewModel(List<ServiceLogCapture> captures, Executor io, Map<String, String> unavailable) {
        this.io = io;
        this.unavailable = Map.copyOf(unavailable);
        for (ServiceLogCapture capture : captures) {
            this.captures.put(capture.service(), capture);
            ObservableList<LogEntry> all = FXCollections.observableArrayList();
            lines.put(capture.service(), all);
            visible.put(capture.service(), new FilteredList<>(all, e -> true));
            seen.put(capture.service(), 0L);
        }
        this.service = new SimpleStringProperty(captures.getFirst().service());
        level.addListener((obs, was, now) -> refilter());
        text.addListener((obs, was, now) -> refilter());
        poll();
    }

    /** Why {@code service}'s log can't be shown here (it runs elsewhere); empty when it can. */
    public java.util.Optional<String> unavailableNote(String service) {
        return java.util.Optional.ofNullable(unavailable.get(service));
    }

    public List<String> services() {
        return List.copyOf(captures.keySet());
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public ObjectProperty<Level> levelProperty() {
        return level;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The filtered lines of a service, for a list view. */
    public FilteredList<LogEntry> visibleLines(String name) {
        return visible.get(name);
    }

    public int totalLines(String name) {
        return lines.get(name).size();
    }

    // Commands //

    /** Takes what the captures got since the last poll; true when the selected service got lines. */
    public boolean poll() {
        boolean selectedChanged = false;
        for (Map.Entry<String, ServiceLogCapture> entry : captures.entrySet()) {
            String name = entry.getKey();
            var buffer = entry.getValue().lines();
            List<LogEntry> fresh = buffer.after(seen.get(name));
            if (fresh.isEmpty()) {
                continue;
            }
            seen.put(name, buffer.lastSeq());
            ObservableList<LogEntry> all = lines.get(name);
            int overflow = all.size() + fresh.size() - MAX_LINES;
            if (overflow > 0) {
                all.remove(0, Math.min(overflow, all.size()));
            }
            all.addAll(fresh.size() > MAX_LINES ? fresh.subList(fresh.size() - MAX_LINES, fresh.size()) : fresh);
            selectedChanged |= name.equals(service.get());
        }
        return selectedChanged;
    }

    /** Writes the lines the filter shows for the selected service to a file, off the FX thread. */
    public CompletableFuture<Path> export(Path file) {
        List<LogEntry> snapshot = List.copyOf(visible.get(service.get()));
        return CompletableFuture.supplyAsync(() -> {
            try {
                LogExport.write(file, snapshot);
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).whenComplete((path, error) -> FxThread.run(() -> message.set(error == null
                ? "Saved " + snapshot.size() + " lines to " + file.getFileName()
                : "Could not save " + file.getFileName() + ": " + error.getMessage())));
    }

    private void refilter() {
        LogFilter filter = new LogFilter(level.get() == null ? Level.ALL : level.get(), text.get());
        visible.values().forEach(list -> list.setPredicate(filter));
    }
}
