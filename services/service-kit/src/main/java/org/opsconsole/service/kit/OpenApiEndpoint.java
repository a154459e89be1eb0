package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi}: the service's OpenAPI document, kept as YAML beside its code. YAML by
 * default, JSON for {@code Accept: application/json} or {@code ?format=json}.
 */
final class OpenApiEndpoint {

    private final byte[] yaml;
    private final byte[] json;

    OpenApiEndpoint(String resource, String version) {
        try (InputStream in = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + resource + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${version}", version);
            this.yaml = text.getBytes(StandardCharsets.UTF_8);
            JsonNode tree = new YAMLMapper().readTree(text);
            this.json = JsonBodies.bytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/openapi", this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        boolean wantsJson = RequestParams.query(req, "format").map("json"::equalsIgnoreCase).orElse(false)
                || req.headers().first(HeaderNames.ACCEPT).orElse("").contains("application/json");
        res.header(HeaderNames.CONTENT_TYPE, wantsJson ? "application/json" : "application/vnd.oai.openapi; charset=utf-8");
        res.send(wantsJson ? json : yaml);
    }
}
