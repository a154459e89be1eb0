package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.model.User;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's one rule: a read that raced a write never leaves its (possibly old) row behind. */
class UserReadCacheTest {

    private static User user(long id, long version) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new User(id, "U" + version, "u@example.com", now, now, version);
    }

    @Test
    void aReadDuringWhichAWriteEndedDoesNotFillTheCache() {
        UserReadCache cache = new UserReadCache();
        AtomicInteger reads = new AtomicInteger();
        // the read sees version 1, and a write of version 2 commits before the read is done
        Optional<User> first = cache.find(7, id -> {
            reads.incrementAndGet();
            cache.written(7);
            return Optional.of(user(7, 1));
        });
        assertThat(first).contains(user(7, 1));
        Optional<User> second = cache.find(7, id -> {
            reads.incrementAndGet();
            return Optional.of(user(7, 2));
        });
        assertThat(second).contains(user(7, 2));
        assertThat(reads).hasValue(2);
        // no write since: that read filled it
        assertThat(cache.find(7, id -> Optional.of(user(7, 99)))).contains(user(7, 2));
    }

    @Test
    void aWriteDropsTheEntryAndAMissingUserIsNotCached() {
        UserReadCache cache = new UserReadCache();
        cache.find(1, id -> Optional.of(user(1, 1)));
        assertThat(cache.find(1, id -> Optional.of(user(1, 5)))).contains(user(1, 1));
        cache.written(1);
        assertThat(cache.find(1, id -> Optional.of(user(1, 2)))).contains(user(1, 2));
        assertThat(cache.find(2, id -> Optional.empty())).isEmpty();
        assertThat(cache.find(2, id -> Optional.of(user(2, 1)))).contains(user(2, 1));
    }
}
