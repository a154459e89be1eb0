package org.opsconsole.console.ui.events;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.opsconsole.console.events.EventFeed;
import org.opsconsole.console.events.StreamState;
import org.opsconsole.model.ServiceEvent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Events screen's state: the merged feed, newest first, pulled from the feed's ring at a
 * steady rate, filtered by service and text.
 */
public final class EventsViewModel {

    public static final String ALL = "all";
    public static final int MAX_ROWS = 5_000;

    private final EventFeed feed;
    private final ObservableList<ServiceEvent> rows = FXCollections.observableArrayList();
    private final FilteredList<ServiceEvent> visible = new FilteredList<>(rows, e -> true);
    private long seen;

    // Properties //

    private final StringProperty service = new SimpleStringProperty(ALL);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper streams = new ReadOnlyStringWrapper("");

    public EventsViewModel(EventFeed feed) {
        this.feed = feed;
        service.addListener((obs, was, now) -> refilter());
        text.addListener((obs, was, now) -> refilter());
        poll();
    }

    public FilteredList<ServiceEvent> visibleRows() {
        return visible;
    }

    public int totalRows() {
        return rows.size();
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** "users: connected · orders: waiting for the service". */
    public ReadOnlyStringProperty streamsProperty() {
        return streams.getReadOnlyProperty();
    }

    // Commands //

    /** Takes the events that arrived since the last poll, newest first. */
    public void poll() {
        List<ServiceEvent> fresh = feed.events().after(seen);
        if (!fresh.isEmpty()) {
            seen = feed.events().lastSeq();
            List<ServiceEvent> newestFirst = new java.util.ArrayList<>(fresh);
            java.util.Collections.reverse(newestFirst);
            rows.addAll(0, newestFirst.size() > MAX_ROWS ? newestFirst.subList(0, MAX_ROWS) : newestFirst);
            if (rows.size() > MAX_ROWS) {
                rows.remove(MAX_ROWS, rows.size());
            }
        }
        streams.set(describe(feed.states()));
    }

    static String describe(Map<String, StreamState> states) {
        return states.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                .map(e -> e.getKey() + ": " + switch (e.getValue()) {
                    case CONNECTED -> "live";
                    case WAITING -> "waiting for the service";
                    case RECONNECTING -> "reconnecting";
                    case CLOSED -> "closed";
                })
                .collect(Collectors.joining("   ·   "));
    }

    private void refilter() {
        String wanted = service.get();
        String needle = text.get() == null ? "" : text.get().toLowerCase(Locale.ROOT);
        Predicate<ServiceEvent> byService = e -> ALL.equals(wanted) || wanted.equals(e.service());
        Predicate<ServiceEvent> byText = e -> needle.isBlank()
                || e.type().toLowerCase(Locale.ROOT).contains(needle)
                || (e.data() != null && e.data().toString().toLowerCase(Locale.ROOT).contains(needle));
        visible.setPredicate(byService.and(byText));
    }
}
