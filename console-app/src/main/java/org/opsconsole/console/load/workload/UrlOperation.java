package org.opsconsole.console.load.workload;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.opsconsole.console.load.transport.LoadHttpClient;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The same request to any URL, again and again: {@code opsconsole load --url ...}. */
public final class UrlOperation implements Operation {

    /** The longest the check before a run waits for a connection. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);
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
        HttpUrl url = request.url();
        String address = url.scheme() + "://" + url.host() + ":" + url.port();
        String before = "Before the run could start, the console tried to connect to " + address + ", but ";
        InetAddress host;
        try {
            host = InetAddress.getByName(url.host());
        } catch (UnknownHostException e) {
            throw new IOException(before + "its host is unknown. Correct the URL.", e);
        }
        long waitMillis = Math.max(1, Math.min(timeout.toMillis(), CONNECT_WAIT.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, url.port()), (int) waitMillis);
            if (url.isHttps()) {
                handshake(socket, url, (int) waitMillis, before);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException(before + "it did not accept a connection in " + waitMillis + " ms. Check the URL, "
                    + "and that no firewall drops it.", e);
        } catch (TlsFailure e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(before + "nothing answers there (" + e.getMessage() + "). Start the server, or correct the URL.", e);
        }
    }

    private static void handshake(Socket connected, HttpUrl url, int waitMillis, String before) throws IOException {
        connected.setSoTimeout(waitMillis);
        try (SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(connected, url.host(), url.port(), false)) {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new TlsFailure(before + "it did not answer the TLS handshake in " + waitMillis + " ms: it may be a plain "
                    + "http port. Correct the URL to http://, or check its TLS setup.", e);
        } catch (SSLException e) {
            String what = switch (LoadHttpClient.kindOf(e, false)) {
                case "not https" -> "it answers plain http, not https. Correct the URL to http://.";
                case "tls handshake closed" -> "it closed the connection during the TLS handshake: it may be a plain http port. "
                        + "Correct the URL to http://, or check its TLS setup.";
                case "untrusted certificate" -> "it showed a certificate this machine does not trust. Add its issuer to the "
                        + "JVM's trust store, or use its http address.";
                default -> "the TLS handshake failed (" + e.getMessage() + ").";
            };
            throw new TlsFailure(before + what, e);
        }
    }

    /** The handshake failed: said as it is, not as "nothing answers". */
    private static final class TlsFailure extends IOException {
        TlsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
