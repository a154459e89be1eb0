import io.helidon.webserver.WebServer;

/** The benchmark's reference: a bare Helidon 4 route answering a small JSON, nothing else. */
public final class BareRoute {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        byte[] body = "{\"message\":\"hello\"}".getBytes();
        WebServer.builder().host("127.0.0.1").port(port)
                .routing(r -> r.get("/hello", (req, res) -> {
                    res.header("Content-Type", "application/json");
                    res.send(body);
                }))
                .build().start();
        System.out.println("bare route ready on " + port);
    }
}
