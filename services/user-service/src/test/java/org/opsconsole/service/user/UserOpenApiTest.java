package org.opsconsole.service.user;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.OpenApiConformance;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;

import java.util.List;

class UserOpenApiTest {

    @Test
    void theOpenApiDocumentMatchesTheRoutes() {
        try (RunningService service = UserService.start(TestDatabases.fresh("users"))) {
            OpenApiConformance.check(new TestClient(service.baseUri()), List.of(
                    "GET /users", "POST /users", "GET /users/{id}", "PUT /users/{id}", "DELETE /users/{id}",
                    "GET /user", "POST /user", "GET /events", "GET /observe/health", "GET /observe/health/live",
                    "GET /observe/health/ready", "GET /observe/metrics", "GET /openapi"));
        }
    }
}
