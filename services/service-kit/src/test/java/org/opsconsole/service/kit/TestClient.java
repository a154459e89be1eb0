package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.JsonNode;
import org.opsconsole.model.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain HTTP client for tests: what another program calling the services would do. Every answer
 * is held to the service's served OpenAPI document ({@link OpenApiContract}).
 */
public final class TestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public TestClient(URI base) {
        this.base = base;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Response post(String path, String json, String... headers) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response put(String path, String json, String... headers) {
        return send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response patch(String path, String json, String... headers) {
        return send("PATCH", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** Any request; {@code headers} are name, value pairs. */
    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response, response.body());
            OpenApiContract.check(base, method, path, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with the body as text and as a JSON tree. */
    public record Response(int status, HttpResponse<String> raw, String body) {

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
