package org.opsconsole.console.api;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The console's HTTP clients. One connection pool for all of them; short timeouts for the
 * once-a-second scrapes and probes (a stuck service must not hold the next one up), none on reads
 * for event streams, which stay open and idle. Every request to a service that has an API token
 * ({@link #useToken}) carries it, whichever screen sends it.
 */
public final class ConsoleHttp {

    private final OkHttpClient base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public ConsoleHttp() {
        this.base = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    String token = tokens.get(origin(request.url()));
                    if (token == null || request.header("Authorization") != null) {
                        return chain.proceed(request);
                    }
                    return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token).build());
                })
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .dispatcher(new Dispatcher())
                .connectTimeout(Duration.ofMillis(800))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(3))
                .retryOnConnectionFailure(true)
                .build();
    }

    /** From now on, every request to {@code service} (scheme, host and port) carries {@code token}; null or blank: none. */
    public void useToken(URI service, String token) {
        String origin = origin(HttpUrl.get(service));
        if (token == null || token.isBlank()) {
            tokens.remove(origin);
        } else {
            tokens.put(origin, token);
        }
    }

    /** The token requests to {@code url}'s origin carry; null for none (or a URL that is not one). */
    public String tokenFor(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        return parsed == null ? null : tokens.get(origin(parsed));
    }

    /** Scheme, host and port (the default one when the URL has none): what a token is kept for. */
    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    /** For scrapes and health probes: everything within a few seconds. */
    public OkHttpClient quick() {
        return base;
    }

    /** For long-lived streams: no read or call timeout. */
    public OkHttpClient streaming() {
        return base.newBuilder().readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
    }

    /** Releases threads and pooled connections. */
    public void close() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }
}
