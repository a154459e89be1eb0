package org.opsconsole.service.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UserEventsTest {

    @Test
    void aLongPollAnswersWithTheEventCommittedWhileItWaitsAndRefusesAWaitItCannotKeep() throws Exception {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            long last = client.get("/events").json().get("lastId").asLong();
            CompletableFuture<JsonNode> held = CompletableFuture.supplyAsync(() ->
                    client.get("/events?after=" + last + "&wait=30").json());
            client.post("/users", "{\"name\":\"Waited\",\"email\":\"waited@example.com\"}");
            JsonNode page = held.get(20, TimeUnit.SECONDS);
            assertThat(page.get("items").findValuesAsText("type")).containsExactly("user.created");

            for (String wait : List.of("31", "-1", "soon")) {
                TestClient.Response refused = client.get("/events?wait=" + wait);
                assertThat(refused.status()).as("wait=" + wait).isEqualTo(400);
                assertThat(refused.body()).contains("wait");
            }
        }
    }

    @Test
    void eventsListChangesInOrderAndPageAfterAnId() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            TestClient client = new TestClient(service.baseUri());
            long id = client.post("/users", "{\"name\":\"E\",\"email\":\"e@example.com\"}").json().get("id").asLong();
            client.put("/users/" + id, "{\"name\":\"E2\",\"email\":\"e@example.com\"}");
            client.delete("/users/" + id);

            JsonNode all = client.get("/events").json();
            assertThat(all.get("items").findValuesAsText("type"))
                    .containsExactly("user.created", "user.updated", "user.deleted");
            assertThat(all.get("items").get(2).get("data").get("name").asText()).isEqualTo("E2");
            assertThat(all.get("items").get(0).get("service").asText()).isEqualTo("users");

            long first = all.get("items").get(0).get("id").asLong();
            JsonNode after = client.get("/events?after=" + first + "&limit=1").json();
            assertThat(after.get("items")).hasSize(1);
            assertThat(after.get("items").get(0).get("type").asText()).isEqualTo("user.updated");
            assertThat(after.get("lastId").asLong()).isEqualTo(all.get("items").get(1).get("id").asLong());

            JsonNode tail = client.get("/events?tail=2").json();
            assertThat(tail.get("items").findValuesAsText("type")).containsExactly("user.updated", "user.deleted");
        }
    }

    @Test
    void theStreamDeliversLiveEventsAndResumesAfterLastEventId(@TempDir Path data) throws Exception {
        ServiceConfig config = TestDatabases.persistent("users", data);
        long firstId;
        long secondId;
        try (RunningService service = UserService.start(config)) {
            TestClient client = new TestClient(service.baseUri());
            client.post("/users", "{\"name\":\"One\",\"email\":\"one@example.com\"}");
            List<String> first = streamWithin(service.baseUri(), null, 1);
            assertThat(first).anyMatch(l -> l.equals("event:user.created"));
            firstId = Long.parseLong(first.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3));

            CompletableFuture<List<String>> live = CompletableFuture.supplyAsync(
                    () -> streamLines(service.baseUri(), Long.toString(firstId), 1)).orTimeout(20, TimeUnit.SECONDS);
            client.post("/users", "{\"name\":\"Two\",\"email\":\"two@example.com\"}");
            List<String> lines = live.get(20, TimeUnit.SECONDS);
            assertThat(lines).contains("event:user.created");
            secondId = Long.parseLong(lines.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3));
            assertThat(secondId).isGreaterThan(firstId);
        }
        try (RunningService restarted = UserService.start(config)) {
            new TestClient(restarted.baseUri()).post("/users", "{\"name\":\"Three\",\"email\":\"three@example.com\"}");
            List<String> resumed = streamWithin(restarted.baseUri(), Long.toString(secondId), 1);
            long thirdId = Long.parseLong(resumed.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3));
            assertThat(thirdId).isGreaterThan(secondId);
            assertThat(resumed).noneMatch(l -> l.equals("id:" + secondId) || l.equals("id:" + firstId));
        }
    }

    private static List<String> streamWithin(URI base, String lastEventId, int events) throws Exception {
        return CompletableFuture.supplyAsync(() -> streamLines(base, lastEventId, events)).get(20, TimeUnit.SECONDS);
    }

    /** Reads the SSE stream until {@code events} events arrived; answers its id/event lines. */
    private static List<String> streamLines(URI base, String lastEventId, int events) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> res = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            List<String> lines = new ArrayList<>();
            int seen = 0;
            try (Stream<String> body = res.body()) {
                for (var it = body.iterator(); it.hasNext() && seen < events; ) {
                    String line = it.next();
                    if (line.startsWith("id:") || line.startsWith("event:")) {
                        lines.add(line);
                    }
                    if (line.startsWith("data:")) {
                        seen++;
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
