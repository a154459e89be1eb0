package org.opsconsole.service.kit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a service's OpenAPI document against the routes it really serves, both ways. */
public final class OpenApiConformance {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiConformance() {
    }

    /** Every documented operation is routed, and every route in {@code served} is documented. */
    public static void check(TestClient client, List<String> served) {
        TestClient.Response res = client.get("/openapi", "Accept", "application/json");
        assertThat(res.status()).isEqualTo(200);
        JsonNode doc = res.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> documented = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> names = path.getValue().fieldNames(); names.hasNext(); ) {
                String method = names.next();
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
        for (String operation : documented) {
            String[] parts = operation.split(" ", 2);
            String path = parts[1].replace("{id}", "987654");
            if (path.equals("/events") && parts[0].equals("GET")) {
                path = "/events?limit=1";
            }
            boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(parts[0]);
            TestClient.Response answer = client.send(parts[0], path, hasBody ? "application/json" : null,
                    hasBody ? "{}".getBytes() : null);
            assertThat(answer.body()).as(operation + " must be routed").doesNotContain("There is no ");
            assertThat(answer.status()).as(operation).isNotIn(405, 500);
        }
        TestClient.Response yaml = client.get("/openapi");
        assertThat(yaml.contentType()).contains("openapi");
        assertThat(yaml.body()).contains("openapi: 3.");
    }
}
