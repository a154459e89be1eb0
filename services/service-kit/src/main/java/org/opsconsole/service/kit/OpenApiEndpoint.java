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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code GET /openapi}: the service's OpenAPI document, kept as YAML beside its code. YAML by
 * default, JSON for {@code Accept: application/json} or {@code ?format=json}.
 */
final class OpenApiEndpoint {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final byte[] yaml;
    private final byte[] json;
    private final Map<Pattern, Set<String>> operations = new LinkedHashMap<>();

    OpenApiEndpoint(String resource, String version) {
        try (InputStream in = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + resource + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${version}", version);
            this.yaml = text.getBytes(StandardCharsets.UTF_8);
            JsonNode tree = new YAMLMapper().readTree(text);
            this.json = JsonBodies.bytes(tree);
            tree.path("paths").properties().forEach(path -> {
                Set<String> methods = new TreeSet<>();
                path.getValue().fieldNames().forEachRemaining(m -> {
                    if (HTTP_METHODS.contains(m)) {
                        methods.add(m.toUpperCase(Locale.ROOT));
                    }
                });
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                operations.put(Pattern.compile(regex + "/?"), methods);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The methods documented for {@code path}, empty when the path is not in the document. */
    Set<String> methodsFor(String path) {
        for (Map.Entry<Pattern, Set<String>> op : operations.entrySet()) {
            if (op.getKey().matcher(path).matches()) {
                return op.getValue();
            }
        }
        return Set.of();
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/openapi", this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        boolean wantsJson = RequestParams.query(req, "format").map("json"::equalsIgnoreCase).orElse(false)
                || req.headers().first(HeaderNames.ACCEPT).orElse("").contains("json");
        res.header(HeaderNames.CONTENT_TYPE, wantsJson ? "application/json" : "application/vnd.oai.openapi; charset=utf-8");
        res.send(wantsJson ? json : yaml);
    }
}
