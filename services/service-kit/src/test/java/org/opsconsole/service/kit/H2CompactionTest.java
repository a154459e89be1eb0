package org.opsconsole.service.kit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Compacting an H2 file database frees its space and loses nothing, also with requests under way. */
@ExtendWith(SevereLogGuard.class)
class H2CompactionTest {

    private static final String INSERT = "INSERT INTO notes (body) VALUES (?)";

    @Test
    void compactionGivesTheFileBackAndKeepsEveryRow(@TempDir Path data) throws Exception {
        try (Database db = open(data)) {
            Set<Long> written = write(db, 16, 250);
            Path file = data.resolve("notes.mv.db");
            long before = Files.size(file);

            assertThat(db.compactNow()).as("compaction ran").isTrue();

            long after = Files.size(file);
            assertThat(after).as("file size after compaction").isLessThan(before);
            assertThat(db.fileBytes()).hasValue(after);
            assertThat(ids(db)).containsExactlyInAnyOrderElementsOf(written);
        }
    }

    @Test
    void writersAndReadersCarryOnThroughCompactions(@TempDir Path data) throws Exception {
        try (Database db = open(data)) {
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(12);
            try {
                for (int w = 0; w < 8; w++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            try {
                                acknowledged.add(db.inTransaction(tx -> Inserts.returningId(tx, INSERT, "note")));
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    });
                }
                for (int r = 0; r < 4; r++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            try {
                                db.client().execute().query("SELECT COUNT(*) FROM notes").forEach(row -> { });
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    });
                }
                for (int i = 0; i < 8; i++) {
                    int seen = acknowledged.size();
                    await().until(() -> acknowledged.size() >= seen + 100);
                    assertThat(db.compactNow()).as("compaction " + i + " ran").isTrue();
                }
            } finally {
                running.set(false);
                clients.shutdown();
                clients.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            }
            assertThat(failures).as("requests that failed during compactions").isEmpty();
            assertThat(ids(db)).containsAll(acknowledged);
        }
    }

    @Test
    void aFileLeftLargeByTheLastRunIsCompactedAtStartAndNothingIsLost(@TempDir Path data) throws Exception {
        Set<Long> written;
        long before;
        Path file = data.resolve("notes.mv.db");
        Path copy = data.resolve("copy");
        Files.createDirectories(copy);
        try (Database db = open(data)) {
            written = write(db, 16, 250);
            // what a kill -9 leaves: the file as it was during the writes
            Files.copy(file, copy.resolve("notes.mv.db"));
            before = Files.size(file);
        }
        try (Database reopened = open(copy)) {
            assertThat(Files.size(copy.resolve("notes.mv.db"))).as("file size after the start").isLessThan(before / 2);
            assertThat(ids(reopened)).containsExactlyInAnyOrderElementsOf(written);
        }
    }

    private static Database open(Path data) {
        return Database.open("notes", ServiceConfig.inMemory().withDataDir(data), "db/migration/compaction",
                new SimpleMeterRegistry());
    }

    private static Set<Long> write(Database db, int writers, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                results.add(pool.submit(() -> IntStream.range(0, each)
                        .mapToObj(i -> db.inTransaction(tx -> Inserts.returningId(tx, INSERT, "note " + i)))
                        .toList()));
            }
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            for (Future<List<Long>> result : results) {
                ids.addAll(result.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    private static List<Long> ids(Database db) {
        return db.client().execute().query("SELECT id FROM notes").map(row -> row.column(1).getLong()).toList();
    }
}
