package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
 * {@code GET /openapi}: the service's OpenAPI document, kept as YAML beside its code and merged
 * with what every service answers alike ({@code openapi/common.yaml}: events, health, metrics,
 * this document, the problem answers, the bearer token). YAML by default, JSON for
 * {@code Accept: application/json} or {@code ?format=json}.
 */
final class OpenApiEndpoint {

    /** What every service serves alike, documented once. */
    private static final String COMMON = "openapi/common.yaml";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String resource;
    private final String service;
    private final String version;
    // read on first use, not at start: parsing the YAML took 80-95 ms of each service's start
    private volatile Document document;

    /** The merged document in both forms, and the methods of each documented path. */
    private record Document(byte[] yaml, byte[] json, Map<Pattern, Set<String>> operations) {
    }

    OpenApiEndpoint(String resource, String service, String version) {
        this.resource = resource;
        this.service = service;
        this.version = version;
    }

    private Document document() {
        Document read = document;
        if (read == null) {
            synchronized (this) {
                read = document;
                if (read == null) {
                    read = read(resource, service, version);
                    document = read;
                }
            }
        }
        return read;
    }

    private static Document read(String resource, String service, String version) {
        try {
            YAMLMapper yamlMapper = YAMLMapper.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES, YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build();
            ObjectNode tree = (ObjectNode) yamlMapper.readTree(text(resource, service, version));
            merge(tree, (ObjectNode) yamlMapper.readTree(text(COMMON, service, version)));
            Map<Pattern, Set<String>> operations = new LinkedHashMap<>();
            tree.path("paths").properties().forEach(path -> {
                Set<String> methods = new TreeSet<>();
                path.getValue().fieldNames().forEachRemaining(m -> {
                    if (HTTP_METHODS.contains(m)) {
                        methods.add(m.toUpperCase(Locale.ROOT));
                    }
                });
                if (methods.contains("GET")) {
                    methods.add("HEAD"); // every GET answers HEAD too (HeadRequests)
                }
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                operations.put(Pattern.compile(regex + "/?"), methods);
            });
            return new Document(yamlMapper.writeValueAsBytes(tree), JsonBodies.bytes(tree), operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource, String service, String version) throws IOException {
        try (InputStream in = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI document " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${version}", version).replace("${service}", service);
        }
    }

    /** Adds the common paths and components the service's own document does not name. */
    private static void merge(ObjectNode document, ObjectNode common) {
        ObjectNode paths = document.with("paths");
        common.path("paths").properties().forEach(path -> {
            if (!paths.has(path.getKey())) {
                paths.set(path.getKey(), path.getValue());
            }
        });
        ObjectNode components = document.with("components");
        common.path("components").properties().forEach(section -> {
            ObjectNode target = components.with(section.getKey());
            section.getValue().properties().forEach(entry -> {
                if (!target.has(entry.getKey())) {
                    target.set(entry.getKey(), entry.getValue());
                }
            });
        });
    }

    /** The methods documented for {@code path}, empty when the path is not in the document. */
    Set<String> methodsFor(String path) {
        for (Map.Entry<Pattern, Set<String>> op : document().operations().entrySet()) {
            if (op.getKey().matcher(path).matches()) {
                return op.getValue();
            }
        }
        return Set.of();
    }

    void register(HttpRouting.Builder routing) {
        HeadRequests.get(routing, "/openapi", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        boolean wantsJson = RequestParams.query(req, "format").map("json"::equalsIgnoreCase).orElse(false)
                || req.headers().first(HeaderNames.ACCEPT).orElse("").contains("json");
        HeadRequests.send(res, wantsJson ? "application/json" : "application/vnd.oai.openapi; charset=utf-8",
                wantsJson ? document().json() : document().yaml());
    }
}
