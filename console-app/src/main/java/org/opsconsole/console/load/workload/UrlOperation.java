package org.opsconsole.console.load.workload;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.opsconsole.console.load.transport.ConnectCheck;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The same request to any URL, again and again: {@code opsconsole load --url ...}. */
public final class UrlOperation implements Operation {

    private static final java.util.Set<String> NEEDS_BODY = java.util.Set.of("POST", "PUT", "PATCH");

    private final String name;
    private final Request request;

    public UrlOperation(String method, String url, String body, Map<String, String> headers) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) URL");
        }
        String verb = method.toUpperCase(Locale.ROOT);
        Headers.Builder h = new Headers.Builder();
        headers.forEach(h::add);
        String type = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("application/json");
        RequestBody requestBody = body == null
                ? (NEEDS_BODY.contains(verb) ? RequestBody.create(new byte[0]) : null)
                : RequestBody.create(body, MediaType.parse(type));
        this.request = new Request.Builder().url(parsed).headers(h.build()).method(verb, requestBody).build();
        this.name = verb + " " + parsed.encodedPath();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Request nextRequest() {
        return request;
    }

    /**
     * Before a run: connects to the URL's host and port (for https, with the TLS handshake), sending
     * no request, and fails in words when nothing can be reached there (as wrk does), instead of a
     * run whose every request fails the same way.
     */
    public void checkReachable(Duration timeout) throws IOException {
        ConnectCheck.connect(request.url(), timeout);
    }
}
