package org.opsconsole.service.kit;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /observe/health}, {@code /observe/health/live} and {@code /observe/health/ready}, in the
 * shape of Helidon's health observer: 200 with {@code "status":"UP"}, or 503 with {@code "DOWN"}
 * and the check that failed. Readiness includes the database check. With a dependency that can't
 * be used (the broker, the user service), the answer stays 200 with {@code "status":"DEGRADED"} and
 * a check of that name that says why in {@code "detail"}.
 * An H2 file database's check carries the file's size: {@code "data":{"fileBytes":N}}.
 */
final class HealthEndpoint {

    private final String service;
    private final String version;
    private final BooleanSupplier database;
    private final Supplier<OptionalLong> databaseFileBytes;
    private final Dependencies dependencies;

    /**
     * @param databaseFileBytes the database file's size; empty when it is not a file
     * @param dependencies what else the service uses, each asked at every readiness answer
     */
    HealthEndpoint(String service, String version, BooleanSupplier database, Supplier<OptionalLong> databaseFileBytes,
                   Dependencies dependencies) {
        this.service = service;
        this.version = version;
        this.database = database;
        this.databaseFileBytes = databaseFileBytes;
        this.dependencies = dependencies;
    }

    void register(HttpRouting.Builder routing) {
        HeadRequests.get(routing, "/observe/health", (req, res) -> answer(res, true));
        HeadRequests.get(routing, "/observe/health/ready", (req, res) -> answer(res, true));
        HeadRequests.get(routing, "/observe/health/live", (req, res) -> answer(res, false));
    }

    private void answer(ServerResponse res, boolean withDatabase) {
        boolean dbUp = !withDatabase || database.getAsBoolean();
        List<Map<String, Object>> checks = new ArrayList<>();
        if (withDatabase) {
            Map<String, Object> check = check("database", dbUp);
            databaseFileBytes.get().ifPresent(bytes -> check.put("data", Map.of("fileBytes", bytes)));
            checks.add(check);
        }
        checks.add(check("server", true));
        // a dependency being away degrades the service (events wait in the outbox, orders wait for
        // the user service), it does not stop it
        Map<String, String> problems = withDatabase ? dependencies.problems() : Map.of();
        problems.forEach((name, problem) -> {
            Map<String, Object> check = check(name, false);
            check.put("detail", problem);
            checks.add(check);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !dbUp ? "DOWN" : !problems.isEmpty() ? "DEGRADED" : "UP");
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
