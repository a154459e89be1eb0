package org.opsconsole.console.load.transport;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The engine's HTTP side over OkHttp (any URL, https included): one client whose connection pool and dispatcher are sized to the
 * run's connection count, no retries and no redirects (a load test must see what the server does),
 * and failures sorted into the short kinds a report shows ("http 409", "timeout", "connection refused").
 */
public final class OkHttpLoadClient implements LoadHttpClient {

    private static final byte[] NO_BODY = new byte[0];

    private final OkHttpClient client;
    private volatile boolean closing;

    public OkHttpLoadClient(int connections, Duration timeout) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(connections);
        dispatcher.setMaxRequestsPerHost(connections);
        client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(connections, 5, TimeUnit.MINUTES))
                .dispatcher(dispatcher)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    @Override
    public Outcome send(Request request, boolean readBody) {
        Call call = client.newCall(request);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            byte[] bytes = NO_BODY;
            if (readBody) {
                bytes = body.bytes();
            } else {
                body.source().readAll(Okio.blackhole());
            }
            int status = response.code();
            return new Outcome(status, status >= 400 ? "http " + status : null, bytes);
        } catch (IOException e) {
            return new Outcome(0, LoadHttpClient.kindOf(e, closing), NO_BODY);
        }
    }

    @Override
    public void cancelAll() {
        closing = true;
        client.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
