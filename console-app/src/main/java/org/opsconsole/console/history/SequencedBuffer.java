package org.opsconsole.console.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bounded, thread-safe ring of items, each numbered in arrival order from 1. Readers poll with the
 * last number they have seen and get what came after it (what has already dropped off the ring is
 * gone), so a view can refresh at a steady rate however fast items arrive.
 */
public final class SequencedBuffer<T> {

    private final Object[] ring;
    private long lastSeq;

    public SequencedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new Object[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    /** Adds an item and returns its number. */
    public synchronized long append(T item) {
        lastSeq++;
        ring[(int) ((lastSeq - 1) % ring.length)] = item;
        return lastSeq;
    }

    /** Number of the newest item, 0 when empty. */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Number of the oldest item still kept, or lastSeq + 1 when empty. */
    public synchronized long firstSeq() {
        return Math.max(1, lastSeq - ring.length + 1);
    }

    /** Items numbered after {@code seq} that are still kept, oldest first. */
    public synchronized List<T> after(long seq) {
        long from = Math.max(seq + 1, firstSeq());
        List<T> out = new ArrayList<>((int) Math.max(0, lastSeq - from + 1));
        for (long s = from; s <= lastSeq; s++) {
            out.add(item(s));
        }
        return out;
    }

    /** Everything still kept, oldest first. */
    public List<T> all() {
        return after(0);
    }

    public synchronized void forEach(Consumer<? super T> action) {
        for (long s = firstSeq(); s <= lastSeq; s++) {
            action.accept(item(s));
        }
    }

    @SuppressWarnings("unchecked")
    private T item(long seq) {
        return (T) ring[(int) ((seq - 1) % ring.length)];
    }
}
