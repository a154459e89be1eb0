package org.opsconsole.console.load.transport;


import okhttp3.Request;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * How a caller sends a request and waits for its answer. Two kinds: {@link PlainHttpClient}, the
 * engine's own transport ({@link HttpConnections}) for http, several times cheaper per request than
 * OkHttp (the engine's CPU competes with the server's on one machine), and {@link OkHttpLoadClient}
 * for https. Neither retries nor follows redirects: a load test must see what the server does.
 */
public interface LoadHttpClient extends AutoCloseable {

    /** How a request ended: an HTTP status, or an error kind when there was no answer. */
    record Outcome(int status, String errorKind, byte[] body) {
        public boolean ok() {
            return errorKind == null;
        }
    }


    /** Sends and waits; never throws for what the server or the network did. */
    Outcome send(Request request, boolean readBody);

    /** Cancels every call in flight: used when a run is stopped, so a stalled server can't hold it open. */
    void cancelAll();

    @Override
    void close();

    /** The short kind a report shows for a failure without an answer. */
    static String kindOf(IOException e, boolean cancelling) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (cancelling && (message.contains("cancel") || message.contains("closed"))) {
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
        if (e instanceof javax.net.ssl.SSLException) {
            return tlsKind(e, message);
        }
        if (e instanceof SocketException && message.contains("reset")) {
            return "connection reset";
        }
        if (message.contains("unexpected end of stream") || message.contains("closed")) {
            return "connection closed";
        }
        if (e instanceof BadResponseException) {
            return "bad response";
        }
        return "io " + e.getClass().getSimpleName();
    }

    /**
     * An https request's failed handshake, by what an operator does about it: "not https" (a plain
     * http port answered), "tls handshake closed" (the server hung up: often a plain http port that
     * answers nothing, as Helidon's), "untrusted certificate", else "tls failed".
     */
    private static String tlsKind(IOException e, String message) {
        if (message.contains("unrecognized ssl message") || message.contains("plaintext")) {
            return "not https";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String said = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof java.security.cert.CertificateException || said.contains("certification path")) {
                return "untrusted certificate";
            }
            if (t instanceof java.io.EOFException || said.contains("terminated the handshake") || said.contains("peer shut down")) {
                return "tls handshake closed";
            }
        }
        return "tls failed";
    }

    /**
     * What an https failure of {@code kind} means and what to do, said of {@code who} ("it", "the
     * users service at URL") whose address is {@code url} ("URL", "users URL"), without a full stop;
     * null for a kind that is not one of these.
     */
    static String tlsTrouble(String kind, String who, String url) {
        return switch (kind) {
            case "not https" -> who + " answers plain http, not https. Correct the " + url + " to http://";
            case "tls handshake closed" -> who + " closed the connection during the TLS handshake: it may be a plain http "
                    + "port. Correct the " + url + " to http://, or check its TLS setup";
            case "untrusted certificate" -> who + " showed a certificate this machine does not trust. Add its issuer to "
                    + "the JVM's trust store, or use its http address";
            default -> null;
        };
    }

    /** The server's answer isn't HTTP/1.1 as we read it. */
    final class BadResponseException extends IOException {
        BadResponseException(String message) {
            super(message);
        }
    }
}
