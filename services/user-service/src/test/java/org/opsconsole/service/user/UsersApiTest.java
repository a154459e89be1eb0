package org.opsconsole.service.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.TestClient.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UsersApiTest {

    private static RunningService service;
    private static TestClient client;

    @BeforeAll
    static void start() {
        service = UserService.start(TestDatabases.fresh("users"));
        client = new TestClient(service.baseUri());
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode create(String name, String email) {
        Response res = client.post("/users", "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}");
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.json();
    }

    @Test
    void createThenReadReturnsTheStoredUserWithLocationAndVersion() {
        String email = unique("ada") + "@example.com";
        Response created = client.post("/users", "{\"name\":\"Ada Lovelace\",\"email\":\"" + email + "\"}");

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/users/" + id);
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.json().get("createdAt").asText()).isNotBlank();

        Response read = client.get("/users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(read.json().get("email").asText()).isEqualTo(email);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void putReplacesNameAndEmailAndBumpsTheVersion() {
        long id = create("Grace", unique("grace") + "@example.com").get("id").asLong();
        String email = unique("hopper") + "@example.com";

        Response res = client.put("/users/" + id, "{\"name\":\"Grace Hopper\",\"email\":\"" + email + "\"}",
                "If-Match", "\"1\"");

        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        assertThat(res.json().get("version").asLong()).isEqualTo(2);
        JsonNode stored = client.get("/users/" + id).json();
        assertThat(stored.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(stored.get("email").asText()).isEqualTo(email);
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        long id = create("Alan", unique("alan") + "@example.com").get("id").asLong();
        client.put("/users/" + id, "{\"name\":\"Alan T\",\"email\":\"" + unique("t") + "@example.com\"}");

        Response stale = client.put("/users/" + id, "{\"name\":\"Overwritten\",\"email\":\"o@example.com\"}",
                "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("detail").asText()).contains("version 2");
        assertThat(client.get("/users/" + id).json().get("name").asText()).isEqualTo("Alan T");
    }

    @Test
    void deleteRemovesTheUser() {
        long id = create("Temp", unique("temp") + "@example.com").get("id").asLong();

        assertThat(client.delete("/users/" + id).status()).isEqualTo(204);
        assertThat(client.get("/users/" + id).status()).isEqualTo(404);
        assertThat(client.delete("/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void duplicateEmailIgnoringCaseIsAConflict() {
        String email = unique("dup") + "@example.com";
        create("First", email);

        Response res = client.post("/users", "{\"name\":\"Second\",\"email\":\"" + email.toUpperCase() + "\"}");

        assertThat(res.status()).isEqualTo(409);
        assertThat(res.json().get("detail").asText()).contains("already exists");
    }

    @Test
    void updatingToAnotherUsersEmailIsAConflict() {
        String taken = unique("taken") + "@example.com";
        create("Owner", taken);
        long id = create("Other", unique("other") + "@example.com").get("id").asLong();

        Response res = client.put("/users/" + id, "{\"name\":\"Other\",\"email\":\"" + taken + "\"}");

        assertThat(res.status()).isEqualTo(409);
        assertThat(client.get("/users/" + id).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void listPagesSearchesAndSorts() {
        String tag = unique("zq");
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("Charlie", "alice", "Bob")) {
            ids.add(create(tag + " " + name, tag + "." + name.toLowerCase() + "@example.com").get("id").asLong());
        }

        JsonNode page = client.get("/users?q=" + tag + "&sort=name&limit=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("name").asText()).endsWith("alice");

        JsonNode second = client.get("/users?q=" + tag.toUpperCase() + "&sort=name&limit=2&offset=2").json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("name").asText()).endsWith("Charlie");
        assertThat(second.get("next").isNull()).isTrue();

        // the first page's next link gives the same second page, by cursor
        JsonNode byCursor = client.get(page.get("next").asText()).json();
        assertThat(byCursor.get("items")).isEqualTo(second.get("items"));
        assertThat(byCursor.get("next").isNull()).isTrue();

        JsonNode descending = client.get("/users?q=" + tag + "&sort=-id").json();
        assertThat(descending.get("items").get(0).get("id").asLong()).isEqualTo(ids.getLast());
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        JsonNode page = client.get("/users?q=%25%25%25_&limit=5").json();
        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void theArticlesOriginalEndpointsWorkUnchanged() {
        String email = unique("orig") + "@example.com";
        Response created = client.post("/user", "{\"name\":\"Original\",\"email\":\"" + email + "\"}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("message").asText()).isEqualTo("User created successfully");
        long id = client.get("/users?q=" + email).json().get("items").get(0).get("id").asLong();
        Response read = client.get("/user?id=" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("email").asText()).isEqualTo(email);
        assertThat(client.get("/user?id=999999").status()).isEqualTo(404);
        assertThat(client.get("/user").status()).isEqualTo(400);
    }

    @Test
    void healthReportsUpWithTheDatabaseCheck() {
        Response res = client.get("/observe/health");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().get("status").asText()).isEqualTo("UP");
        assertThat(res.body()).contains("database");
        assertThat(service.isHealthy()).isTrue();
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithAllow() {
        Response res = client.patch("/users/1", "{}");
        assertThat(res.status()).isEqualTo(405);
        assertThat(res.header("Allow")).isEqualTo("DELETE, GET, HEAD, PUT");
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(client.send("DELETE", "/users", null, null).header("Allow")).isEqualTo("GET, HEAD, POST");
    }

    @Test
    void unknownPathIsAProblem() {
        Response res = client.get("/nothing-here");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.contentType()).startsWith("application/problem+json");
    }
}
