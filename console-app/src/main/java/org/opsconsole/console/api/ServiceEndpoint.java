package org.opsconsole.console.api;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A service the console talks to over HTTP: its name and, when it can be reached right now, its
 * base URL. For an embedded service the URL comes from its supervisor (empty while it is stopped);
 * a service elsewhere has a fixed one. One instance of a service has a name of its own (its
 * metrics series) and the service's ({@code service}: the {@code service} tag of its meters).
 */
public record ServiceEndpoint(String name, String service, Supplier<Optional<URI>> baseUri) {

    public ServiceEndpoint(String name, Supplier<Optional<URI>> baseUri) {
        this(name, name, baseUri);
    }

    public static ServiceEndpoint fixed(String name, URI baseUri) {
        return instance(name, name, baseUri);
    }

    /** One instance of {@code service} at {@code baseUri}, known as {@code name}. */
    public static ServiceEndpoint instance(String name, String service, URI baseUri) {
        Optional<URI> uri = Optional.of(baseUri);
        return new ServiceEndpoint(name, service, () -> uri);
    }

    public Optional<URI> currentUri() {
        return baseUri.get();
    }
}
