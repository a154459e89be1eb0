package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.EventReaders;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers following {@code /events} while many clients write see every event exactly once, in
 * the order of the final listing, however the writers' transactions interleave.
 */
class EventsUnderConcurrentWritesTest {

    private static final int WRITERS = 8;
    private static final int USERS_PER_WRITER = 60;

    @Test
    void sseAndPagingReadersSeeEveryEventOnceInTheFinalOrder() throws Exception {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"));
             ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            int total = WRITERS * USERS_PER_WRITER;
            CompletableFuture<List<Long>> streamed = EventReaders.streamUntil(service.baseUri(), total);
            CompletableFuture<List<Long>> paged = EventReaders.pageUntil(service.baseUri(), total);
            TestClient client = new TestClient(service.baseUri());
            List<Future<Integer>> created = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                created.add(writers.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < USERS_PER_WRITER; i++) {
                        String email = "w" + writer + "-" + i + "@example.com";
                        if (client.post("/users", "{\"name\":\"W " + writer + "\",\"email\":\"" + email + "\"}")
                                .status() == 201) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int acknowledged = 0;
            for (Future<Integer> f : created) {
                acknowledged += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(acknowledged).isEqualTo(total);

            List<Long> fromStream = streamed.get(60, TimeUnit.SECONDS);
            List<Long> fromPages = paged.get(60, TimeUnit.SECONDS);
            List<Long> listing = EventReaders.listAll(service.baseUri());
            assertThat(listing).hasSize(total).doesNotHaveDuplicates().isSorted();
            assertThat(fromStream).as("the SSE reader").containsExactlyElementsOf(listing);
            assertThat(fromPages).as("the paging reader").containsExactlyElementsOf(listing);
        }
    }
}
