package org.opsconsole.console.load.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain-http port as a TLS handshake finds it: one that answers whatever arrives with "400 Bad
 * Request" (nginx, Python's http.server), or one that closes the connection at once (Helidon).
 */
public final class PlainPort implements AutoCloseable {

    private final ServerSocket socket;
    private final boolean answers;

    private PlainPort(boolean answers) throws IOException {
        this.answers = answers;
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("plain-port").start(this::accept);
    }

    /** Answers "400 Bad Request" to whatever arrives. */
    public static PlainPort answeringBadRequest() throws IOException {
        return new PlainPort(true);
    }

    /** Reads what arrives and closes without a word. */
    public static PlainPort closingAtOnce() throws IOException {
        return new PlainPort(false);
    }

    /** http://127.0.0.1:PORT, no slash at the end. */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> answer(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            in.read(new byte[4096]);
            if (!answers) {
                return;
            }
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException gone) {
            // the client hung up first
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
