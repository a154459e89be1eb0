package org.opsconsole.service.user;

import org.opsconsole.model.User;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Recently read users, for {@code GET /users/{id}} and the order service's user lookups. Only
 * valid while this process is the database's one writer (an H2 file is locked to one process);
 * with an external {@code jdbc-url} the service runs without it.
 *
 * <p>A read may only fill the cache if no write ended while it ran: writers bump
 * {@link #writes} after their commit, so a read that raced a write never stores the old row.
 */
final class UserReadCache {

    private static final int MAX_ENTRIES = 50_000;

    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    Optional<User> find(long id, LongFunction<Optional<User>> database) {
        User cached = users.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = writes.get();
        Optional<User> read = database.apply(id);
        if (read.isPresent() && writes.get() == before) {
            if (users.size() >= MAX_ENTRIES) {
                users.clear();
            }
            users.put(id, read.get());
        }
        return read;
    }

    /** Call after a write to {@code id} committed (or failed: dropping an entry is always safe). */
    void written(long id) {
        writes.incrementAndGet();
        users.remove(id);
    }
}
