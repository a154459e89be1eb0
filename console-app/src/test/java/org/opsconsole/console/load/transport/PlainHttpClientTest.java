package org.opsconsole.console.load.transport;

import com.sun.net.httpserver.HttpServer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PlainHttpClientTest {

    private HttpServer server;
    private String base;
    private final PlainHttpClient client = new PlainHttpClient(Duration.ofMillis(500));
    private final java.util.concurrent.CountDownLatch slowStarted = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/chunked", ex -> {
            try (ex) {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 50; i++) {
                    out.write(("part" + i + ",").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/echo", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("X-Method", ex.getRequestMethod());
                ex.sendResponseHeaders(201, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.createContext("/empty", ex -> {
            try (ex) {
                ex.sendResponseHeaders(204, -1);
            }
        });
        server.createContext("/close", ex -> {
            try (ex) {
                ex.getResponseHeaders().set("Connection", "close");
                ex.sendResponseHeaders(409, 2);
                ex.getResponseBody().write("no".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/slow", ex -> {
            try (ex) {
                slowStarted.countDown();
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private LoadHttpClient.Outcome get(String path, boolean body) {
        return client.send(new Request.Builder().url(base + path).build(), body);
    }

    @Test
    void reads_chunked_bodies_and_keeps_the_connection() {
        for (int i = 0; i < 3; i++) {
            LoadHttpClient.Outcome outcome = get("/chunked", true);
            assertThat(outcome.status()).isEqualTo(200);
            assertThat(new String(outcome.body(), StandardCharsets.UTF_8)).startsWith("part0,part1,").endsWith("part49,");
        }
    }

    @Test
    void posts_a_body_and_reads_it_back() {
        Request post = new Request.Builder().url(base + "/echo")
                .post(RequestBody.create("{\"name\":\"x\"}", MediaType.get("application/json"))).build();
        LoadHttpClient.Outcome outcome = client.send(post, true);
        assertThat(outcome.status()).isEqualTo(201);
        assertThat(outcome.ok()).isTrue();
        assertThat(new String(outcome.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"x\"}");
    }

    @Test
    void no_content_then_more_requests_on_the_same_connection() {
        assertThat(get("/empty", true).status()).isEqualTo(204);
        assertThat(get("/echo", false).status()).isEqualTo(201);
    }

    @Test
    void http_errors_and_connection_close_are_followed() {
        LoadHttpClient.Outcome outcome = get("/close", false);
        assertThat(outcome.errorKind()).isEqualTo("http 409");
        assertThat(get("/close", false).errorKind()).isEqualTo("http 409");
        assertThat(get("/echo", false).status()).isEqualTo(201);
    }

    @Test
    void a_slow_answer_is_a_timeout() {
        assertThat(get("/slow", false).errorKind()).isEqualTo("timeout");
        assertThat(get("/echo", false).status()).isEqualTo(201);
    }

    @Test
    void refused_connections_are_named() {
        LoadHttpClient.Outcome outcome = client.send(new Request.Builder().url("http://127.0.0.1:1/").build(), false);
        assertThat(outcome.errorKind()).isEqualTo("connection refused");
    }

    @Test
    void a_kept_alive_connection_the_server_closed_is_replaced_without_an_error() throws Exception {
        // a server that answers once per connection and closes it without saying so
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket raw = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!raw.isClosed()) {
                    try (Socket s = raw.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        byte[] buf = new byte[4096];
                        int n = in.read(buf);
                        if (n > 0) {
                            s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Request request = new Request.Builder().url("http://127.0.0.1:" + raw.getLocalPort() + "/").build();
            for (int i = 0; i < 3; i++) {
                LoadHttpClient.Outcome outcome = client.send(request, true);
                assertThat(outcome.errorKind()).isNull();
                assertThat(new String(outcome.body(), StandardCharsets.ISO_8859_1)).isEqualTo("ok");
            }
            assertThat(connections.get()).isEqualTo(3);
        }
    }

    @Test
    void many_threads_each_get_their_own_answers() throws Exception {
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> echoed = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        Request post = new Request.Builder().url(base + "/echo")
                                .post(RequestBody.create(thread + "-" + i, MediaType.get("text/plain"))).build();
                        echoed.add(new String(client.send(post, true).body(), StandardCharsets.UTF_8));
                    }
                    return echoed;
                }));
            }
            for (int t = 0; t < 16; t++) {
                int thread = t;
                assertThat(results.get(t).get(30, TimeUnit.SECONDS))
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> thread + "-" + i).toList());
            }
        }
    }

    @Test
    void cancelling_ends_a_request_that_waits_for_its_answer() throws Exception {
        try (PlainHttpClient patient = new PlainHttpClient(Duration.ofSeconds(30))) {
            CompletableFuture<LoadHttpClient.Outcome> outcome = CompletableFuture.supplyAsync(
                    () -> patient.send(new Request.Builder().url(base + "/slow").build(), false),
                    Executors.newVirtualThreadPerTaskExecutor());
            assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

            patient.cancelAll();

            assertThat(outcome.get(1, TimeUnit.SECONDS).errorKind()).isEqualTo("cancelled");
            assertThat(patient.send(new Request.Builder().url(base + "/echo").build(), false).errorKind()).isEqualTo("cancelled");
        }
    }
}
