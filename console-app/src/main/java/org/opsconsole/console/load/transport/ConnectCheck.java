package org.opsconsole.console.load.transport;

import okhttp3.HttpUrl;

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

/**
 * One connection to a URL's host and port before a run, sending no request (for https, through
 * the TLS handshake): what cannot be reached fails in an operator's words, "Before the run could
 * start, the console tried to connect to URL, but ...", with what to do.
 */
public final class ConnectCheck {

    /** The longest the check waits for a connection, and then for the handshake. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private ConnectCheck() {
    }

    /** Connects and hangs up; throws, in words, when that fails. Waits at most {@code timeout} (or 10 s) per step. */
    public static void connect(HttpUrl url, Duration timeout) throws IOException {
        String address = url.scheme() + "://" + url.host() + ":" + url.port();
        String before = "Before the run could start, the console tried to connect to " + address + ", but ";
        InetAddress host;
        try {
            host = InetAddress.getByName(url.host());
        } catch (UnknownHostException e) {
            throw new IOException(before + "its host is unknown. Correct the URL.", e);
        }
        int waitMillis = (int) Math.max(1, Math.min(timeout.toMillis(), MAX_WAIT.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, url.port()), waitMillis);
            if (url.isHttps()) {
                handshake(socket, url, waitMillis, before);
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
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        try (SSLSocket tls = (SSLSocket) factory.createSocket(connected, url.host(), url.port(), false)) {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new TlsFailure(before + "it did not answer the TLS handshake in " + waitMillis + " ms: it may be a plain "
                    + "http port. Correct the URL to http://, or check its TLS setup.", e);
        } catch (SSLException e) {
            String trouble = LoadHttpClient.tlsTrouble(LoadHttpClient.kindOf(e, false), "it", "URL");
            throw new TlsFailure(before + (trouble != null ? trouble : "the TLS handshake failed (" + e.getMessage() + ")") + ".", e);
        }
    }

    /** The handshake failed: said as it is, not as "nothing answers there". */
    private static final class TlsFailure extends IOException {
        TlsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
