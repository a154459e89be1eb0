package org.opsconsole.service.kit;

import io.helidon.webserver.http.HttpRouting;

/**
 * One service, as the kit runs it: its name, its migrations and OpenAPI document, its routes, and
 * what it does once it listens (seeding demo data, starting consumers) and before it stops.
 */
public interface ServiceApp {

    /** Short name, also the meters' {@code service} tag and the database file's name. */
    String name();

    /** Classpath folder of the Flyway scripts. */
    default String migrations() {
        return "db/migration/" + name();
    }

    /** Classpath resource of the OpenAPI document. */
    default String openApiDocument() {
        return "openapi/" + name() + ".yaml";
    }

    /** Registers the service's own routes. */
    void routing(HttpRouting.Builder routing, ServiceContext context);

    /** Runs once the server listens. */
    default void started(ServiceContext context, java.net.URI baseUri) {
    }

    /** Runs before the server stops; stop background work here. */
    default void stopping() {
    }
}
