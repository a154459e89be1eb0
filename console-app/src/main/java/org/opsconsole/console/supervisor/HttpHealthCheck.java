package org.opsconsole.console.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.opsconsole.model.Json;
import org.opsconsole.service.kit.RunningService;

import java.io.IOException;

/**
 * Health over HTTP, as any monitor would see it: {@code GET /observe/health} answers 200; when it
 * says DEGRADED, what each failing check says is the warning.
 */
public final class HttpHealthCheck implements HealthCheck {

    private final OkHttpClient client;

    public HttpHealthCheck(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public Health check(RunningService service) throws IOException {
        Request request = new Request.Builder().url(service.baseUri().resolve("/observe/health").toString()).get().build();
        try (Response response = client.newCall(request).execute()) {
            if (response.code() != 200) {
                return Health.of(false);
            }
            return new Health(true, warning(parse(response.body() == null ? "" : response.body().string())));
        }
    }

    /** A health answer's JSON; a missing node when the body is not JSON. */
    static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            return Json.mapper().missingNode();
        }
    }

    /** The details of the checks that are not UP in a DEGRADED answer, joined; null otherwise. */
    static String warning(JsonNode health) {
        if (health == null || !"DEGRADED".equals(health.path("status").asText())) {
            return null;
        }
        java.util.List<String> said = new java.util.ArrayList<>();
        for (JsonNode check : health.path("checks")) {
            if (!"UP".equals(check.path("status").asText())) {
                said.add(check.path("detail").asText(check.path("name").asText("a dependency") + " is down"));
            }
        }
        return said.isEmpty() ? "degraded" : String.join("; ", said);
    }
}
