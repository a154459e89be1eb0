package org.opsconsole.console.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.opsconsole.model.Json;
import org.opsconsole.model.Problem;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;

/**
 * The plumbing under the typed clients: JSON in and out with the model's mapping, the bearer
 * token, and every failure turned into an {@link ApiException} with a readable sentence.
 */
final class RestCalls {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String serviceName;
    private final String token;

    RestCalls(OkHttpClient http, URI base, String serviceName, String token) {
        this.http = http;
        this.base = HttpUrl.get(base);
        this.serviceName = serviceName;
        this.token = token;
    }

    URI baseUri() {
        return base.uri();
    }

    HttpUrl.Builder url(String path) {
        return base.newBuilder().encodedPath(path);
    }

    /**
     * The URL of a link the service gave (a page's {@code next}: a path and query), with its page
     * size set to {@code limit}.
     */
    HttpUrl link(String pathAndQuery, int limit) {
        HttpUrl url = base.resolve(pathAndQuery);
        if (url == null || !url.host().equals(base.host()) || url.port() != base.port()) {
            throw new IllegalArgumentException("not a link of this service: " + pathAndQuery);
        }
        return url.newBuilder().setQueryParameter("limit", Integer.toString(limit)).build();
    }

    <T> T get(HttpUrl url, JavaType type) {
        return call(new Request.Builder().url(url).get(), type, Map.of());
    }

    <T> T send(String method, HttpUrl url, Object body, JavaType type, Map<String, String> headers) {
        RequestBody payload = body == null ? null : RequestBody.create(bytes(body), JSON);
        if (payload == null && !method.equals("GET") && !method.equals("DELETE")) {
            payload = RequestBody.create(new byte[0], JSON);
        }
        return call(new Request.Builder().url(url).method(method, payload), type, headers);
    }

    /** The {@code If-Match} header for a version the change expects; none when the version is null. */
    static Map<String, String> ifMatch(Long expectedVersion) {
        return expectedVersion == null ? Map.of() : Map.of("If-Match", "\"" + expectedVersion + "\"");
    }

    JavaType type(Class<?> type) {
        return Json.mapper().constructType(type);
    }

    JavaType type(TypeReference<?> type) {
        return Json.mapper().getTypeFactory().constructType(type);
    }

    private <T> T call(Request.Builder request, JavaType type, Map<String, String> headers) {
        request.header("Accept", "application/json");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        Request built = request.build();
        try (Response response = http.newCall(built).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body.bytes();
            if (!response.isSuccessful()) {
                throw failure(response.code(), bytes, response.request().header("Authorization") != null);
            }
            if (type == null || bytes.length == 0) {
                return null;
            }
            return Json.mapper().readValue(bytes, type);
        } catch (ConnectException e) {
            throw new ApiException(0, null, "The " + serviceName + " service at " + base.uri()
                    + " is not reachable: is it running?", e);
        } catch (InterruptedIOException e) {
            throw new ApiException(0, null, "The " + serviceName + " service at " + base.uri()
                    + " did not answer in time", e);
        } catch (IOException e) {
            throw new ApiException(0, null, "The " + serviceName + " service at " + base.uri()
                    + " could not be reached: " + e.getMessage(), e);
        }
    }

    private ApiException failure(int status, byte[] body, boolean sentToken) {
        Problem problem = null;
        try {
            problem = Json.mapper().readValue(body, Problem.class);
        } catch (IOException | RuntimeException e) {
            // not a problem document: the status alone says what went wrong
        }
        if (status == 401) {
            return new ApiException(status, problem, "The " + serviceName + " service at " + base.uri()
                    + (sentToken ? " refused the API token" : " wants an API token, and the console has none for it"), null);
        }
        String detail = problem != null && problem.detail() != null
                ? problem.detail()
                : "The " + serviceName + " service answered HTTP " + status;
        return new ApiException(status, problem, detail, null);
    }

    private static byte[] bytes(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
