package org.opsconsole.service.user;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestClient.Response;
import org.opsconsole.service.kit.TestDatabases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a client sends below JSON: request lines, bodies that end early or never, HEAD. Each is
 * sent byte for byte over a socket, as a broken or hostile client would; the answer is read as it
 * arrives. A SEVERE line in the service's log fails the test that caused it.
 */
class HttpEdgesTest {

    private static final byte[] FOLLOW_UP = "GET /observe/health/live HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: (\\d+)");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static RunningService service;
    private static TestClient client;

    @BeforeAll
    static void start() {
        service = UserService.start(TestDatabases.fresh("users"));
        client = new TestClient(service.baseUri());
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @Test
    void aMethodThatIsNotAnHttpTokenIsA400InWords() throws IOException {
        String answer = exchange("G(T /users/1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 2, false);

        assertThat(statuses(answer)).containsExactly("400");
        assertThat(answer).contains("application/problem+json", "method or target is not valid HTTP");
    }

    @Test
    void aChunkedBodyOverTheLimitGetsOne413AndNoSecondAnswer() throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 24; i++) { // 1.5 MiB
            request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(chunk);
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        long before = total();

        String answer = exchange(request.toByteArray(), 2, false);

        assertThat(statuses(answer)).containsExactly("413", "200");
        assertThat(answer).contains("larger than the limit of 1 MiB");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void aBodyOfTwoMebibytesWithItsLengthGetsA413TheClientCanRead() throws IOException {
        byte[] body = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"email\":\"big@example.com\"}")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);

        String answer = exchange(request.toByteArray(), 2, false);

        assertThat(statuses(answer)).containsExactly("413", "200");
        assertThat(answer).contains("larger than the limit of 1 MiB").doesNotContain("could not be parsed");
    }

    @Test
    void aClientThatLeavesInTheMiddleOfItsBodyIsNotAServerError() throws IOException {
        long before = total();
        for (int i = 0; i < 5; i++) {
            try (Socket socket = new Socket(service.baseUri().getHost(), service.baseUri().getPort())) {
                socket.getOutputStream().write(("POST /users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"name\":\"" + "a".repeat(50)).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        }

        await().untilAsserted(() -> assertThat(requests("499")).isEqualTo(5));
        assertThat(requests("500")).isZero();
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() throws IOException {
        long id = client.post("/users", "{\"name\":\"Head\",\"email\":\"head@example.com\"}").json().get("id").asLong();
        Response get = client.get("/users/" + id);

        String answer = exchange(("HEAD /users/" + id + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), 2, true);

        assertThat(statuses(answer)).containsExactly("200", "200");
        String head = answer.substring(0, answer.indexOf("HTTP/1.1", 1));
        assertThat(head).contains("ETag: " + get.header("ETag"))
                .containsIgnoringCase("Content-Length: " + get.body().getBytes(StandardCharsets.UTF_8).length)
                .endsWith("\r\n\r\n"); // no body before the next answer
        for (String path : new String[] {"/users?limit=2", "/observe/health", "/observe/metrics", "/openapi", "/events"}) {
            assertThat(client.send("HEAD", path, null, null).status()).as(path).isEqualTo(200);
        }
        assertThat(client.send("HEAD", "/users/987654321", null, null).status()).isEqualTo(404);
    }

    @Test
    void idsAndEventPositionsUpToTheLargestLongAreValid() {
        assertThat(client.get("/users/1000000000000000000").status()).isEqualTo(404);
        assertThat(client.get("/users/9223372036854775807").status()).isEqualTo(404);
        Response events = client.get("/events?after=9223372036854775806");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json().get("items")).isEmpty();
        Response tooLarge = client.get("/users/9223372036854775808");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("detail").asText()).contains("9223372036854775807");
    }

    private static long total() {
        return client.get("/users?limit=1").json().get("total").asLong();
    }

    private static long requests(String status) {
        return client.get("/observe/metrics?name%5B%5D=http_server_requests_seconds").body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"POST\"")
                        && line.contains("status=\"" + status + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * Sends the bytes and then, on the same connection, a GET of the liveness check; reads the
     * answers one by one, each by its Content-Length, until there are {@code answers} of them or the
     * server closes. A server that took part of a refused body for a request would answer that
     * before the liveness check: the statuses show it. The first answer has no body when
     * {@code head}.
     */
    private static String exchange(byte[] request, int answers, boolean head) throws IOException {
        try (Socket socket = new Socket(service.baseUri().getHost(), service.baseUri().getPort())) {
            socket.setSoTimeout(30_000);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(request);
                    out.write(FOLLOW_UP);
                    out.flush();
                } catch (IOException ignored) {
                    // the server may answer and close before all is sent; what it answered is read below
                }
            });
            StringBuilder text = new StringBuilder();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            try {
                for (int i = 0; i < answers; i++) {
                    String headers = readHeaders(in);
                    if (headers.isEmpty()) {
                        break; // closed
                    }
                    text.append(headers);
                    Matcher length = CONTENT_LENGTH.matcher(headers);
                    int bodyLength = i == 0 && head || !length.find() ? 0 : Integer.parseInt(length.group(1));
                    text.append(new String(in.readNBytes(bodyLength), StandardCharsets.ISO_8859_1));
                }
            } catch (java.net.SocketException reset) {
                // a reset after the answers: what arrived before it is what the client could read
            }
            writer.interrupt();
            return text.toString();
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            headers.append((char) c);
            if (headers.length() >= 4 && headers.substring(headers.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return headers.toString();
    }

    private static java.util.List<String> statuses(String answer) {
        java.util.List<String> statuses = new java.util.ArrayList<>();
        Matcher m = STATUS_LINE.matcher(answer);
        while (m.find()) {
            statuses.add(m.group(1));
        }
        return statuses;
    }
}
