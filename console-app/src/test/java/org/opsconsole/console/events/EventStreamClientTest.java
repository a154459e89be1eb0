package org.opsconsole.console.events;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.FakeService;
import org.opsconsole.console.api.ConsoleHttp;
import org.opsconsole.console.api.ServiceEndpoint;
import org.opsconsole.model.ServiceEvent;
import org.opsconsole.service.kit.ServiceConfig;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventStreamClientTest {

    private final ConsoleHttp http = new ConsoleHttp();
    private final FakeService.EventStore store = new FakeService.EventStore();
    private final AtomicReference<FakeService> users = new AtomicReference<>();
    private EventFeed feed;
    private int port;

    @AfterEach
    void tearDown() {
        if (feed != null) {
            feed.close();
        }
        if (users.get() != null) {
            users.get().stop();
        }
        http.close();
    }

    private void startUsers() {
        users.set(FakeService.start("users", "test.events.users", ServiceConfig.inMemory().withPort(port), store));
    }

    private void create() throws IOException {
        Request post = new Request.Builder().url(users.get().baseUri().resolve("/users").toString())
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
        try (Response response = http.quick().newCall(post).execute()) {
            assertThat(response.code()).isEqualTo(201);
        }
    }

    @Test
    void followsTheStreamAndResumesAfterARestartWithoutLosingOrRepeating() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startUsers();
        ServiceEndpoint endpoint = new ServiceEndpoint("users",
                () -> Optional.ofNullable(users.get()).filter(FakeService::isHealthy).map(FakeService::baseUri));
        feed = new EventFeed(List.of(endpoint), http.streaming(), 100).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.states().get("users") == StreamState.CONNECTED);

        create();
        create();
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.events().all().size() == 2);
        ServiceEvent first = feed.events().all().getFirst();
        assertThat(first.type()).isEqualTo("user.created");
        assertThat(first.service()).isEqualTo("users");
        assertThat(first.time()).isNotNull();

        users.get().stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.states().get("users") != StreamState.CONNECTED);
        startUsers();
        create();
        await().atMost(Duration.ofSeconds(15)).until(() -> feed.events().all().size() >= 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> feed.events().all().size() == 3);
        assertThat(feed.events().all()).extracting(ServiceEvent::id).containsExactly(1L, 2L, 3L);
    }
}
