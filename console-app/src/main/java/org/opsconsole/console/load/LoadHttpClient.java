package org.opsconsole.console.load;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The engine's HTTP side: one OkHttp client whose connection pool and dispatcher are sized to the
 * run's connection count, no retries and no redirects (a load test must see what the server does),
 * and failures sorted into the short kinds a report shows ("http 409", "timeout", "connection refused").
 */
final class LoadHttpClient implements AutoCloseable {

    /** How a request ended: an HTTP status, or an error kind when there was no answer. */
    record Outcome(int status, String errorKind, byte[] body) {
        boolean ok() {
            return errorKind == null;
        }
    }

    private static final byte[] NO_BODY = new byte[0];

    private final OkHttpClient client;
    private volatile boolean closing;

    LoadHttpClient(int connections, Duration timeout) {
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

    /** Sends and waits; never throws for what the server or the network did. */
    Outcome send(Request request, boolean readBody) {
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
            return new Outcome(0, kindOf(e), NO_BODY);
        }
    }

    /** Cancels every call in flight: used when a run is stopped, so a stalled server can't hold it open. */
    void cancelAll() {
        closing = true;
        client.dispatcher().cancelAll();
    }

    boolean closing() {
        return closing;
    }

    String kindOf(IOException e) {
        if (closing && "Canceled".equalsIgnoreCase(String.valueOf(e.getMessage()))) {
            return "cancelled";
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "timeout";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SocketException && message.contains("reset")) {
            return "connection reset";
        }
        if (message.contains("unexpected end of stream") || message.contains("closed")) {
            return "connection closed";
        }
        return "io " + e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
