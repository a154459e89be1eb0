package org.opsconsole.service.user;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.kit.TestClient.Response;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every kind of bad input gets its 4xx as problem+json, names the field, and changes nothing. */
class UserBadInputTest {

    private static final String JSON = "application/json";
    private static final String EMOJI = "\uD83D\uDE00";
    private static RunningService service;
    private static TestClient client;
    private static long existingId;

    @BeforeAll
    static void start() {
        service = UserService.start(TestDatabases.fresh("users"));
        client = new TestClient(service.baseUri());
        existingId = client.post("/users", "{\"name\":\"Kept\",\"email\":\"kept@example.com\"}").json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    static Stream<Arguments> badRequests() {
        String longName = "n".repeat(101);
        String longEmail = "e".repeat(250) + "@x.io";
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\",\"email\":\"h@example.com\"}";
        return Stream.of(
                arguments("malformed JSON", "POST", "/users", JSON, "{\"name\":", 400, null),
                arguments("not an object", "POST", "/users", JSON, "[1,2]", 400, null),
                arguments("empty body", "POST", "/users", JSON, "", 400, null),
                arguments("JSON null", "POST", "/users", JSON, "null", 400, null),
                arguments("trailing garbage", "POST", "/users", JSON, "{\"name\":\"a\",\"email\":\"a@b.io\"} x", 400, null),
                arguments("name is a number", "POST", "/users", JSON, "{\"name\":5,\"email\":\"a@b.io\"}", 400, "name"),
                arguments("email is an object", "POST", "/users", JSON, "{\"name\":\"A\",\"email\":{}}", 400, "email"),
                arguments("unknown field id", "POST", "/users", JSON, "{\"id\":7,\"name\":\"A\",\"email\":\"a@b.io\"}", 400, "id"),
                arguments("unknown field version", "PUT", "/users/{id}", JSON,
                        "{\"version\":9,\"name\":\"A\",\"email\":\"a@b.io\"}", 400, "version"),
                arguments("missing name", "POST", "/users", JSON, "{\"email\":\"a@b.io\"}", 422, "name"),
                arguments("missing email", "POST", "/users", JSON, "{\"name\":\"A\"}", 422, "email"),
                arguments("blank name", "POST", "/users", JSON, "{\"name\":\"  \",\"email\":\"a@b.io\"}", 422, "name"),
                arguments("name over 100", "POST", "/users", JSON, "{\"name\":\"" + longName + "\",\"email\":\"a@b.io\"}", 422, "name"),
                arguments("name of 51 emoji", "POST", "/users", JSON, "{\"name\":\"" + EMOJI.repeat(51) + "\",\"email\":\"a@b.io\"}", 422, "name"),
                arguments("name of 100 emoji on PUT", "PUT", "/users/{id}", JSON, "{\"name\":\"" + EMOJI.repeat(100) + "\",\"email\":\"a@b.io\"}", 422, "name"),
                arguments("name of 51 emoji, original POST", "POST", "/user", JSON, "{\"name\":\"" + EMOJI.repeat(51) + "\",\"email\":\"a@b.io\"}", 422, "name"),
                arguments("name that lower-cases longer", "POST", "/users", JSON, "{\"name\":\"" + "\u0130".repeat(51) + "\",\"email\":\"a@b.io\"}", 422, "name"),
                arguments("email over 254", "POST", "/users", JSON, "{\"name\":\"A\",\"email\":\"" + longEmail + "\"}", 422, "email"),
                arguments("email without @", "POST", "/users", JSON, "{\"name\":\"A\",\"email\":\"nope\"}", 422, "email"),
                arguments("body over 1 MiB", "POST", "/users", JSON, huge, 413, null),
                arguments("form content type", "POST", "/users", "application/x-www-form-urlencoded", "name=a", 415, null),
                arguments("no content type", "POST", "/users", null, "{\"name\":\"A\",\"email\":\"a@b.io\"}", 415, null),
                arguments("text content type on PUT", "PUT", "/users/{id}", "text/plain", "{}", 415, null),
                arguments("non-numeric id", "GET", "/users/abc", null, null, 400, "id"),
                arguments("negative id", "GET", "/users/-4", null, null, 400, "id"),
                arguments("huge id", "DELETE", "/users/99999999999999999999999", null, null, 400, "id"),
                arguments("non-numeric limit", "GET", "/users?limit=ten", null, null, 400, "limit"),
                arguments("limit too big", "GET", "/users?limit=100000", null, null, 400, "limit"),
                arguments("negative offset", "GET", "/users?offset=-1", null, null, 400, "offset"),
                arguments("unknown sort", "GET", "/users?sort=password", null, null, 400, "sort"),
                arguments("search too long", "GET", "/users?q=" + "q".repeat(101), null, null, 400, "q"),
                arguments("bad If-Match", "PUT", "/users/{id}", JSON, "{\"name\":\"A\",\"email\":\"a@b.io\"}", 400, "If-Match"),
                arguments("original GET without number", "GET", "/user?id=x", null, null, 400, "id"),
                arguments("original POST wrong type", "POST", "/user", JSON, "{\"name\":[],\"email\":\"a@b.io\"}", 400, "name"),
                // look-alikes of kept@example.com, and addresses no mail system takes
                arguments("email with a zero-width space", "POST", "/users", JSON, user("A", "kept\\u200b@example.com"), 422, "email"),
                arguments("email with a zero-width joiner", "POST", "/users", JSON, user("A", "kept\\u200d@example.com"), 422, "email"),
                arguments("email with a soft hyphen", "POST", "/users", JSON, user("A", "ke\\u00adpt@example.com"), 422, "email"),
                arguments("email with a byte order mark", "POST", "/users", JSON, user("A", "\\ufeffkept@example.com"), 422, "email"),
                arguments("email with a trailing no-break space", "POST", "/users", JSON, user("A", "kept@example.com\\u00a0"), 422, "email"),
                arguments("email with a Cyrillic a", "POST", "/users", JSON, user("A", "k\\u0435pt@ex\\u0430mple.com"), 422, "email"),
                arguments("email with markup after it", "POST", "/users", JSON, user("A", "a@ex.com<script>"), 422, "email"),
                arguments("email ending its local part in a dot", "POST", "/users", JSON, user("A", "a.@ex.com"), 422, "email"),
                arguments("email domain starting with a hyphen", "POST", "/users", JSON, user("A", "a@-ex.com"), 422, "email"),
                arguments("email with two dots in a row", "POST", "/users", JSON, user("A", "a..b@ex.com"), 422, "email"),
                arguments("email look-alike on PUT", "PUT", "/users/{id}", JSON, user("A", "kept\\u200b@example.com"), 422, "email"),
                arguments("email look-alike, original POST", "POST", "/user", JSON, user("A", "\\u0430@example.com"), 422, "email"),
                arguments("name of one zero-width space", "POST", "/users", JSON, user("\\u200b", "zw@example.com"), 422, "name"),
                arguments("name of a no-break space", "POST", "/users", JSON, user("\\u00a0", "nb@example.com"), 422, "name"),
                arguments("name with a lone surrogate", "POST", "/users", JSON, user("A\\ud800", "ls@example.com"), 422, "name"),
                arguments("name with a lone low surrogate on PUT", "PUT", "/users/{id}", JSON, user("\\udc00A", "kept@example.com"), 422, "name"),
                arguments("a field given twice", "POST", "/users", JSON,
                        "{\"name\":\"A\",\"name\":\"B\",\"email\":\"twice@example.com\"}", 400, "name"),
                arguments("problem+json content type", "POST", "/users", "application/problem+json", user("A", "p@example.com"), 415, null),
                arguments("json-patch content type", "POST", "/users", "application/json-patch+json", user("A", "p@example.com"), 415, null),
                arguments("JSON in UTF-16", "POST", "/users", "application/json; charset=utf-16", user("A", "p@example.com"), 415, null),
                arguments("weak If-Match", "PUT", "/users/{id}", JSON, user("A", "kept@example.com"), 412, null),
                arguments("unquoted If-Match", "PUT", "/users/{id}", JSON, user("A", "kept@example.com"), 400, "If-Match"),
                arguments("weak If-Match on DELETE", "DELETE", "/users/{id}", null, null, 412, null));
    }

    private static String user(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}";
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("badRequests")
    void badInputIsAClientErrorThatChangesNothing(String label, String method, String path, String contentType,
                                                   String body, int status, String field) {
        String before = client.get("/users?limit=1000").body();
        String[] headers = switch (label) {
            case "bad If-Match" -> new String[] {"If-Match", "yesterday"};
            case "weak If-Match", "weak If-Match on DELETE" -> new String[] {"If-Match", "W/\"1\""};
            case "unquoted If-Match" -> new String[] {"If-Match", "1"};
            default -> new String[0];
        };

        Response res = client.send(method, path.replace("{id}", Long.toString(existingId)), contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);

        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.json().get("status").asInt()).isEqualTo(status);
        assertThat(res.json().get("title").asText()).isNotBlank();
        assertThat(res.json().get("detail").asText()).isNotBlank();
        assertThat(res.body()).doesNotContain("Exception", "at org.", "SELECT", "INSERT", "java.");
        if (field != null) {
            assertThat(res.json().get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(client.get("/users?limit=1000").body()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void jsonDeclaredAsUtf8AndAnEmojiSequenceJoinedByZeroWidthJoinersAreAccepted() {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC67";
        Response created = client.send("POST", "/users", "application/json; charset=UTF-8",
                user("The " + family + " family", "Family.Name+tag@Example.co.uk").getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo("The " + family + " family");
        assertThat(client.get("/users/" + created.json().get("id").asLong()).json().get("email").asText())
                .isEqualTo("Family.Name+tag@Example.co.uk");
    }

    @org.junit.jupiter.api.Test
    void theLongestNamesOfEmojiOrOfLettersThatLowerCaseLongerAreStoredWhole() {
        for (String name : new String[] {EMOJI.repeat(50), "\u0130".repeat(50)}) {
            Response created = client.post("/users", "{\"name\":\"" + name + "\",\"email\":\"long-" + name.hashCode()
                    + "@example.com\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(client.get("/users/" + created.json().get("id").asLong()).json().get("name").asText()).isEqualTo(name);
        }
    }
}
