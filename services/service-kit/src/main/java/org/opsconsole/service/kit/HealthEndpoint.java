package org.opsconsole.service.kit;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /observe/health}, {@code /observe/health/live} and {@code /observe/health/ready}, in the
 * shape of Helidon's health observer: 200 with {@code "status":"UP"}, or 503 with {@code "DOWN"}
 * and the check that failed. Readiness includes the database check.
 */
final class HealthEndpoint {

    private final String service;
    private final String version;
    private final BooleanSupplier database;

    HealthEndpoint(String service, String version, BooleanSupplier database) {
        this.service = service;
        this.version = version;
        this.database = database;
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/observe/health", (req, res) -> answer(res, true))
                .get("/observe/health/ready", (req, res) -> answer(res, true))
                .get("/observe/health/live", (req, res) -> answer(res, false));
    }

    private void answer(ServerResponse res, boolean withDatabase) {
        boolean dbUp = !withDatabase || database.getAsBoolean();
        List<Map<String, Object>> checks = withDatabase
                ? List.of(check("database", dbUp), check("server", true))
                : List.of(check("server", true));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbUp ? "UP" : "DOWN");
        body.put("service", service);
        body.put("version", version);
        body.put("checks", checks);
        res.status(dbUp ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        JsonBodies.send(res, body);
    }

    private static Map<String, Object> check(String name, boolean up) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("status", up ? "UP" : "DOWN");
        return check;
    }
}
