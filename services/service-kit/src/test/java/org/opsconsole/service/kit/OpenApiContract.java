package org.opsconsole.service.kit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every answer a test receives from a service is checked against the OpenAPI document that service
 * serves (Atlassian's OpenAPI validator): a status the document does not list for the operation, a
 * body or a header that does not match its schema, fails the test that received it. So the
 * document can't drift from the code. Requests are not checked (tests send bad ones on purpose),
 * nor are answers to paths or methods the document does not have (404 and 405 tests).
 */
final class OpenApiContract {

    private static final Map<URI, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final LevelResolver ANSWERS_ONLY = LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.IGNORE)
            .build();

    private OpenApiContract() {
    }

    /** Fails with the validator's messages when {@code answer} is not what the document promises. */
    static void check(URI base, String method, String pathAndQuery, TestClient.Response answer) {
        if (method.equals("HEAD") || answer.status() == 404 && answer.body().contains("There is no ")
                || answer.status() == 405) {
            return;
        }
        Request.Method operation;
        try {
            operation = Request.Method.valueOf(method);
        } catch (IllegalArgumentException e) {
            return; // a made-up method: no operation to hold it to
        }
        String path = URI.create(pathAndQuery.replace(" ", "%20")).getRawPath();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status()).withBody(answer.body());
        answer.raw().headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator(base).validateResponse(path, operation, response.build());
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + answer.status()
                    + " other than the service's OpenAPI document says:\n"
                    + report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nbody: " + answer.body());
        }
    }

    private static OpenApiInteractionValidator validator(URI base) {
        return VALIDATORS.computeIfAbsent(base, uri -> OpenApiInteractionValidator
                .createForInlineApiSpecification(document(uri))
                .withLevelResolver(ANSWERS_ONLY)
                // a page's schema is allOf the common page frame and its items: read as one object
                .withResolveCombinators(true)
                .build());
    }

    private static String document(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /openapi answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
