package org.opsconsole.service.user;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.ChildService;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The H2 file gives back the space a write burst left in it: while the service runs and has gone
 * quiet, when it stops, and when it starts after a kill -9; every user is still there afterwards.
 * Health and metrics tell the file's size. (How much, and how fast: bench/h2-size.sh.)
 */
class H2FileSizeTest {

    private static final int USERS = 3000;
    /** Well past every bound for compacting 3,000 users (their data compacted: about 0.5 MB). */
    private static final long BURST_BYTES = 3 * 1024 * 1024;

    @TempDir
    Path data;
    private Path file;
    private ServiceConfig config;

    @BeforeEach
    void onAnH2File() {
        Assumptions.assumeFalse(TestDatabases.postgres(), "only an H2 file has a size of its own");
        file = data.resolve("users.mv.db");
        config = TestDatabases.persistent("users", data);
    }

    @Test
    void aQuietServiceShrinksItsFileAndKeepsEveryRow() throws Exception {
        try (RunningService service = UserService.start(config)) {
            TestClient client = new TestClient(service.baseUri());
            // the largest size seen while writing: the file can be compacted during the burst too
            // (it reaches the bound for compacting while writing), and only then is it smaller at the end
            AtomicLong peak = new AtomicLong();
            try (ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor()) {
                watcher.scheduleAtFixedRate(() -> peak.accumulateAndGet(sizeOf(file), Math::max), 0, 20,
                        TimeUnit.MILLISECONDS);
                writeBurst(client);
                watcher.shutdown();
            }
            long grown = Math.max(peak.get(), Files.size(file));
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Files.size(file) < grown / 2);
            assertThat(client.get("/users?limit=1").json().get("total").asLong()).isEqualTo(USERS);
            assertThat(client.get("/users/" + USERS / 2).status()).isEqualTo(200);
        }
    }

    @Test
    void stoppingHandsTheSpaceBackAndARestartFindsEveryRow() throws Exception {
        long afterBurst;
        try (RunningService service = UserService.start(config)) {
            TestClient client = new TestClient(service.baseUri());
            writeBurst(client);
            afterBurst = Files.size(file);
        }
        long stopped = Files.size(file);
        assertThat(stopped).isLessThan(afterBurst);
        try (RunningService again = UserService.start(config)) {
            TestClient client = new TestClient(again.baseUri());
            assertThat(client.get("/users?limit=1").json().get("total").asLong()).isEqualTo(USERS);
            assertThat(client.get("/users/" + USERS / 2).status()).isEqualTo(200);
            assertThat(Files.size(file)).isLessThanOrEqualTo(stopped + 1024 * 1024);
        }
    }

    @Test
    void aStartAfterKillMinusNineCompactsTheFileAndFindsEveryRow() throws Exception {
        long killed;
        try (ChildService child = ChildService.start(UserServiceMain.class.getName(), data)) {
            writeBurst(new TestClient(child.baseUri()));
            child.kill();
            killed = Files.size(file);
        }
        try (RunningService again = UserService.start(config)) {
            assertThat(Files.size(file)).as("file size after the start").isLessThan(killed / 2);
            TestClient client = new TestClient(again.baseUri());
            assertThat(client.get("/users?limit=1").json().get("total").asLong()).isEqualTo(USERS);
            assertThat(client.get("/users/" + USERS).status()).isEqualTo(200);
        }
    }

    @Test
    void healthAndMetricsTellTheFilesSize() throws Exception {
        try (RunningService service = UserService.start(config)) {
            TestClient client = new TestClient(service.baseUri());
            long bytes = client.get("/observe/health").json().get("checks").get(0).get("data").get("fileBytes").asLong();
            assertThat(bytes).isPositive().isCloseTo(Files.size(file), org.assertj.core.data.Percentage.withPercentage(50));
            assertThat(client.get("/observe/metrics").body())
                    .containsPattern("database_file_bytes\\{service=\"users\"\\} [0-9.E]+");
        }
        try (RunningService inMemory = UserService.start(ServiceConfig.inMemory())) {
            TestClient client = new TestClient(inMemory.baseUri());
            assertThat(client.get("/observe/health").json().get("checks").get(0).has("data"))
                    .as("an in-memory database has no file").isFalse();
            assertThat(client.get("/observe/metrics").body()).doesNotContain("database_file_bytes");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Writes {@link #USERS} users, then rewrites every one, round after round, until the file is past
     * {@link #BURST_BYTES}: how much a burst leaves behind depends on how many chunks H2 wrote for it,
     * fewer on a faster machine, and below its bounds nothing is worth compacting.
     */
    private void writeBurst(TestClient client) throws Exception {
        writeUsers(client);
        for (int round = 1; Files.size(file) <= BURST_BYTES; round++) {
            assertThat(round).as("rounds of rewriting every user before the file is past %d bytes", BURST_BYTES)
                    .isLessThanOrEqualTo(20);
            int r = round;
            // an email of the round's own: user n need not be the one created with c<n>@ (8 writers at once)
            forEachUser(n -> assertThat(client.put("/users/" + n, "{\"name\":\"C " + n + " round " + r
                    + "\",\"email\":\"r" + r + "-" + n + "@example.com\"}").status()).isEqualTo(200));
        }
    }

    /** {@link #USERS} users written by 8 clients at once. */
    private static void writeUsers(TestClient client) throws Exception {
        forEachUser(n -> assertThat(client.post("/users", "{\"name\":\"C " + n + "\",\"email\":\"c" + n
                + "@example.com\"}").status()).isEqualTo(201));
    }

    /** Calls {@code request} for users 1 to {@link #USERS}, from 8 clients at once. */
    private static void forEachUser(IntConsumer request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            for (int w = 0; w < 8; w++) {
                done.add(writers.submit(() -> {
                    for (int n; (n = next.incrementAndGet()) <= USERS; ) {
                        request.accept(n);
                    }
                    return null;
                }));
            }
        }
        for (Future<?> writer : done) {
            writer.get();
        }
    }
}
