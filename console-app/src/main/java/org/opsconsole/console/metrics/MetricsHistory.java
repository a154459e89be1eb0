package org.opsconsole.console.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of every service for the whole session, one row per scrape, in a ring buffer of
 * fixed capacity (the oldest rows go first). Rows share one time column, so exports line up.
 * Storage grows by doubling up to the capacity, so a short session stays small. Thread-safe.
 */
public final class MetricsHistory {

    /** Twelve hours at one scrape per second. */
    public static final int DEFAULT_CAPACITY = 12 * 60 * 60;

    /** A copy of some rows: times in epoch seconds and one column per series (NaN = no value). */
    public record Slice(double[] times, Map<SeriesKey, double[]> columns) {

        public int size() {
            return times.length;
        }

        public double[] column(SeriesKey key) {
            return columns.get(key);
        }
    }

    /** Something that happened at a moment, drawn as a line across the charts: "users stopped". */
    public record Mark(double epochSeconds, String text) {
    }

    private static final int MARKS_KEPT = 1_000;
    private final java.util.ArrayDeque<Mark> marks = new java.util.ArrayDeque<>();
    private volatile List<SeriesKey> keys;
    private final int capacity;
    private double[] times;
    private final Map<SeriesKey, double[]> values = new LinkedHashMap<>();
    private int head; // index of the oldest row
    private int size;

    public MetricsHistory(List<SeriesKey> keys, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.keys = List.copyOf(keys);
        this.capacity = capacity;
        int initial = Math.min(capacity, 1024);
        this.times = new double[initial];
        for (SeriesKey key : this.keys) {
            values.put(key, new double[initial]);
        }
    }

    /** Notes that {@code text} happened at {@code epochSeconds}; the newest 1,000 are kept. */
    public synchronized void mark(double epochSeconds, String text) {
        marks.addLast(new Mark(epochSeconds, text));
        if (marks.size() > MARKS_KEPT) {
            marks.removeFirst();
        }
    }

    /** The marks at or after {@code fromEpochSeconds}, oldest first. */
    public synchronized List<Mark> marksSince(double fromEpochSeconds) {
        return marks.stream().filter(m -> m.epochSeconds() >= fromEpochSeconds).toList();
    }

    /** Series for every metric of every named service, services in the given order. */
    public static List<SeriesKey> keysFor(List<String> services) {
        return services.stream()
                .flatMap(service -> java.util.Arrays.stream(Metric.values()).map(metric -> new SeriesKey(service, metric)))
                .toList();
    }

    public List<SeriesKey> keys() {
        return keys;
    }

    /** Adds series (a service added at run time); their earlier rows are NaN. Keys already kept are left as they are. */
    public synchronized void addKeys(List<SeriesKey> more) {
        List<SeriesKey> all = new java.util.ArrayList<>(keys);
        for (SeriesKey key : more) {
            if (!values.containsKey(key)) {
                double[] column = new double[times.length];
                java.util.Arrays.fill(column, Double.NaN);
                values.put(key, column);
                all.add(key);
            }
        }
        keys = List.copyOf(all);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return size;
    }

    /** Adds a row; series missing from {@code row} are NaN. */
    public synchronized void append(double epochSeconds, Map<SeriesKey, Double> row) {
        if (size < capacity && size == times.length) {
            grow();
        }
        int index;
        if (size < capacity) {
            index = (head + size) % times.length;
            size++;
        } else {
            index = head;
            head = (head + 1) % times.length;
        }
        times[index] = epochSeconds;
        for (Map.Entry<SeriesKey, double[]> column : values.entrySet()) {
            Double value = row.get(column.getKey());
            column.getValue()[index] = value == null ? Double.NaN : value;
        }
    }

    /** The rows with time >= {@code fromEpochSeconds}, oldest first. */
    public synchronized Slice since(double fromEpochSeconds) {
        // rows are in time order: the first one at or after the time is found by halving, not by
        // reading up to twelve hours of rows under the lock the scraper waits on
        int first = 0;
        int beyond = size;
        while (first < beyond) {
            int middle = (first + beyond) >>> 1;
            if (times[(head + middle) % times.length] < fromEpochSeconds) {
                first = middle + 1;
            } else {
                beyond = middle;
            }
        }
        int count = size - first;
        double[] t = new double[count];
        Map<SeriesKey, double[]> columns = new LinkedHashMap<>();
        for (SeriesKey key : keys) {
            columns.put(key, new double[count]);
        }
        for (int i = 0; i < count; i++) {
            int index = (head + first + i) % times.length;
            t[i] = times[index];
            for (SeriesKey key : keys) {
                columns.get(key)[i] = values.get(key)[index];
            }
        }
        return new Slice(t, columns);
    }

    /** Every row kept. */
    public Slice all() {
        return since(Double.NEGATIVE_INFINITY);
    }

    /** The newest value of a series, NaN when there is none. */
    public synchronized double latest(SeriesKey key) {
        if (size == 0) {
            return Double.NaN;
        }
        return values.get(key)[(head + size - 1) % times.length];
    }

    private void grow() {
        int newLength = (int) Math.min(capacity, (long) times.length * 2);
        times = unroll(times, newLength);
        for (Map.Entry<SeriesKey, double[]> column : values.entrySet()) {
            column.setValue(unroll(column.getValue(), newLength));
        }
        head = 0;
    }

    private double[] unroll(double[] ring, int newLength) {
        double[] out = new double[newLength];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(head + i) % ring.length];
        }
        return out;
    }
}
