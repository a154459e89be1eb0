package org.opsconsole.console.api;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A service the console talks to over HTTP: its name and, when it can be reached right now, its
 * base URL. For an embedded service the URL comes from its supervisor (empty while it is stopped);
 * a service elsewhere has a fixed one.
 */
public record ServiceEndpoint(String name, Supplier<Optional<URI>> baseUri) {

    public static ServiceEndpoint fixed(String name, URI baseUri) {
        Optional<URI> uri = Optional.of(baseUri);
        return new ServiceEndpoint(name, () -> uri);
    }

    public Optional<URI> currentUri() {
        return baseUri.get();
    }
}
