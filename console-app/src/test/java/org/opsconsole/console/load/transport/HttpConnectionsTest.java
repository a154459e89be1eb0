package org.opsconsole.console.load.transport;

import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event-loop transport's kept-alive connections, against a server that counts its connections. */
class HttpConnectionsTest {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1);

    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closeAfterAnswer;
    private HttpConnections connections;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> answerEachRequest(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
        connections = new HttpConnections(Duration.ofSeconds(10));
    }

    // one small GET arrives in one read on loopback: each read is answered; the server closes the
    // connection after its answer (without saying so in a header) when told to
    private void answerEachRequest(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[4096];
            while (in.read(buf) > 0) {
                out.write(OK);
                out.flush();
                if (closeAfterAnswer) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @AfterEach
    void stop() throws IOException {
        connections.close();
        server.close();
    }

    private LoadHttpClient.Outcome get() {
        AtomicReference<LoadHttpClient.Outcome> answer = new AtomicReference<>();
        connections.send(new Request.Builder().url("http://127.0.0.1:" + server.getLocalPort() + "/").build(), true, answer::set);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            connections.poll(1_000_000);
            return answer.get() != null;
        });
        return answer.get();
    }

    @Test
    void an_idle_connection_the_server_closes_is_dropped_before_a_request_is_sent_on_it() {
        closeAfterAnswer = true;
        assertThat(get().status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            connections.poll(1_000_000);
            return connections.idleConnections() == 0;
        });
        LoadHttpClient.Outcome second = get();

        assertThat(second.errorKind()).isNull();
        assertThat(new String(second.body(), StandardCharsets.ISO_8859_1)).isEqualTo("ok");
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void an_idle_connection_the_server_keeps_open_is_kept_and_reused() {
        for (int i = 0; i < 5; i++) {
            assertThat(get().status()).isEqualTo(200);
            // polls with nothing in flight leave the idle connection alone
            for (int p = 0; p < 5; p++) {
                connections.poll(0);
            }
            assertThat(connections.idleConnections()).isEqualTo(1);
        }
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void aHostThatDoesNotResolveIsAnErrorOfItsKindNotACrash() {
        AtomicReference<LoadHttpClient.Outcome> answer = new AtomicReference<>();

        connections.send(new Request.Builder().url("http://nonexistent.invalid/x").build(), true, answer::set);

        assertThat(answer.get()).isNotNull();
        assertThat(answer.get().errorKind()).isEqualTo("unknown host");
        assertThat(connections.inFlight()).isZero();
    }
}
