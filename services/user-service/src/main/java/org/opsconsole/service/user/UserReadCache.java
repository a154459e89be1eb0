package org.opsconsole.service.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.opsconsole.model.User;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Recently read users, for {@code GET /users/{id}} and the order service's user lookups: a
 * Caffeine cache of at most {@value #MAX_ENTRIES} users (the least likely to be read again go
 * first). Only valid while this process is the database's one writer (an H2 file is locked to one
 * process); with an external {@code jdbc-url} the service runs without it.
 *
 * <p>A read may only fill the cache if no write ended while it ran: writers bump {@link #writes}
 * after their commit and then drop the entry, and a read stores its row only if the count is
 * still the one it saw before reading, checked inside the entry's atomic {@code compute}. A drop
 * serialises with that compute, so either the read's check sees the bump, or the drop comes after
 * the store and removes it: a read that raced a write never leaves the old row in the cache.
 */
final class UserReadCache {

    static final int MAX_ENTRIES = 50_000;

    private final Cache<Long, User> users = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
    private final AtomicLong writes = new AtomicLong();

    Optional<User> find(long id, LongFunction<Optional<User>> database) {
        User cached = users.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = writes.get();
        Optional<User> read = database.apply(id);
        read.ifPresent(user -> users.asMap().compute(id, (key, current) -> writes.get() == before ? user : current));
        return read;
    }

    /** Call after a write to {@code id} committed (or failed: dropping an entry is always safe). */
    void written(long id) {
        writes.incrementAndGet();
        users.invalidate(id);
    }

    /** Entries held now (an estimate, as Caffeine counts them). */
    long size() {
        return users.estimatedSize();
    }
}
