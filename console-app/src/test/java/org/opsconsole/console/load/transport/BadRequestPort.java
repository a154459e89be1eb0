package org.opsconsole.console.load.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain-http port that answers whatever arrives with "400 Bad Request" and closes, as a web
 * server does when a TLS handshake reaches it (Helidon, nginx, Python's http.server).
 */
public final class BadRequestPort implements AutoCloseable {

    private final ServerSocket socket;

    public BadRequestPort() throws IOException {
        socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("bad-request-port").start(this::accept);
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

    private static void answer(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            in.read(new byte[4096]);
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
