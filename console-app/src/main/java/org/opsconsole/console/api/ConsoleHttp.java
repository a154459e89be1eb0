package org.opsconsole.console.api;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The console's HTTP clients. One connection pool for all of them; short timeouts for the
 * once-a-second scrapes and probes (a stuck service must not hold the next one up), none on reads
 * for event streams, which stay open and idle.
 */
public final class ConsoleHttp {

    private final OkHttpClient base;

    public ConsoleHttp() {
        this.base = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                .dispatcher(new Dispatcher())
                .connectTimeout(Duration.ofMillis(800))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(3))
                .retryOnConnectionFailure(true)
                .build();
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
