package org.opsconsole.console.session;

import okhttp3.HttpUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service running elsewhere that the operator added at run time ("Add service..."): which of the
 * bundled services it is, the name the console shows it under, and its instances' URLs. Kept across
 * starts by {@link SavedServices}; its token is kept apart, in a {@link SecretStore}.
 */
public record AddedService(String kind, String name, List<URI> urls) {

    public AddedService {
        if (!ConsoleSession.USERS.equals(kind) && !ConsoleSession.ORDERS.equals(kind)) {
            throw new IllegalArgumentException("Choose which service this is: users or orders.");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the service a name.");
        }
        if (name.length() > 60) {
            throw new IllegalArgumentException("Keep the name to 60 characters.");
        }
        name = name.strip();
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("Give the URL the service answers at, such as http://host:8081.");
        }
        urls = List.copyOf(urls);
    }

    /**
     * From what the operator typed: {@code urls} holds one URL per instance, separated by commas,
     * spaces or new lines; a blank name becomes "users (host:port)".
     */
    public static AddedService of(String kind, String name, String urls) {
        List<URI> parsed = new ArrayList<>();
        for (String text : (urls == null ? "" : urls).split("[,\\s]+")) {
            if (!text.isBlank()) {
                parsed.add(serviceUrl(text));
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("Give the URL the service answers at, such as http://host:8081.");
        }
        String shown = name == null || name.isBlank() ? defaultName(kind, parsed.getFirst()) : name;
        return new AddedService(kind, shown, parsed);
    }

    /** The sentence for a name the console already watches a service under. */
    public static String nameTaken(String name) {
        return "The console already watches a service called " + name + ": give this one another name.";
    }

    /** "users (host:port)": what an added service is called unless the operator names it. */
    public static String defaultName(String kind, URI url) {
        HttpUrl http = HttpUrl.get(url);
        return kind + " (" + http.host() + ":" + http.port() + ")";
    }

    /**
     * An http:// or https:// URL with a host, or an exception saying in words what is wrong with
     * {@code text}: what {@code --attach} and the dialog both accept.
     */
    public static URI serviceUrl(String text) {
        String trimmed = text.strip();
        URI url;
        try {
            url = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a URL.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.matches("https?") || url.getHost() == null) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an http:// or https:// URL with a host.");
        }
        return url;
    }
}
