import com.sun.net.httpserver.HttpServer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.opsconsole.console.api.ServiceEndpoint;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.MetricsScraper;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.ui.metrics.MetricsView;
import org.opsconsole.console.ui.metrics.MetricsViewModel;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The Metrics screen opened on a full history (bench/console-pulse.sh history HOURS): the console's
 * own history, charts and scraper, fed by two stand-in services whose /observe/metrics count 20
 * requests a second, after HOURS of history (one row a second) were put in. Prints phase lines
 * ("PHASE name") between JavaFX's pulse log lines, which the script sorts into phases:
 * opening (the screen built and shown on the 15-minute window), idle (30 s), switching (the window
 * changed 1 -> 5 -> 15 minutes, twice, 3 s apart).
 */
public final class HistoryPulse extends Application {

    private static final List<String> SERVICES = List.of("users", "orders");

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        double hours = Double.parseDouble(getParameters().getRaw().getFirst());
        List<ServiceEndpoint> endpoints = new ArrayList<>();
        for (String service : SERVICES) {
            endpoints.add(ServiceEndpoint.fixed(service, standIn(service)));
        }
        MetricsHistory history = new MetricsHistory(MetricsHistory.keysFor(SERVICES), MetricsHistory.DEFAULT_CAPACITY);
        int rows = (int) Math.min(history.capacity(), Math.round(hours * 3600));
        double now = System.currentTimeMillis() / 1000.0;
        long filling = System.nanoTime();
        Map<SeriesKey, Double> row = new HashMap<>();
        for (int i = rows; i > 0; i--) {
            double t = now - i;
            int k = 0;
            for (SeriesKey key : history.keys()) {
                row.put(key, 50 + 20 * Math.sin(t / 300 + k++));
            }
            history.append(t, row);
        }
        System.out.printf("history: %d rows (%.1f h) filled in %d ms%n", history.size(), history.size() / 3600.0,
                (System.nanoTime() - filling) / 1_000_000);
        MetricsScraper scraper = new MetricsScraper(endpoints, new OkHttpClient(), history, Clock.systemUTC());
        scraper.start(Duration.ofSeconds(1));

        phase("opening");
        long opening = System.nanoTime();
        MetricsViewModel model = new MetricsViewModel(scraper, Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "io");
            t.setDaemon(true);
            return t;
        }), Clock.systemUTC());
        model.windowMinutesProperty().set(15);
        MetricsView view = new MetricsView(model, () -> SERVICES, () -> true);
        stage.setScene(new Scene(view, 1400, 900));
        stage.setTitle("Metrics on " + hours + " h of history");
        stage.show();
        System.out.printf("screen built and shown in %d ms%n", (System.nanoTime() - opening) / 1_000_000);

        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(10_000);
                phase("idle");
                Thread.sleep(30_000);
                phase("switching");
                for (int round = 0; round < 2; round++) {
                    for (int minutes : new int[] {1, 5, 15}) {
                        Platform.runLater(() -> model.windowMinutesProperty().set(minutes));
                        Thread.sleep(3_000);
                    }
                }
                phase("end");
                System.exit(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A phase line of its own: the pulse logger writes from other threads, a line may be unfinished. */
    private static void phase(String name) {
        System.out.println(System.lineSeparator() + "PHASE " + name);
    }

    /** A service's /observe/metrics: its request counter grows by 20 a second, the rest stays. */
    private static URI standIn(String service) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        long started = System.nanoTime();
        server.createContext("/observe/metrics", exchange -> {
            long requests = (System.nanoTime() - started) / 50_000_000L;
            String labels = "method=\"GET\",route=\"/users/{id}\",service=\"" + service + "\",status=\"200\"";
            StringBuilder text = new StringBuilder("# TYPE http_server_requests_seconds histogram\n");
            for (String le : List.of("0.001", "0.002", "0.005", "0.01", "0.1", "+Inf")) {
                long count = le.equals("0.001") ? requests / 2 : le.equals("0.002") ? requests * 9 / 10 : requests;
                text.append("http_server_requests_seconds_bucket{").append(labels).append(",le=\"").append(le).append("\"} ")
                        .append(count).append('\n');
            }
            text.append("http_server_requests_seconds_count{").append(labels).append("} ").append(requests).append('\n')
                    .append("http_server_requests_seconds_sum{").append(labels).append("} ").append(requests * 0.0015).append('\n')
                    .append("jvm_memory_used_bytes{area=\"heap\",id=\"eden\",service=\"").append(service).append("\"} 4.2E7\n")
                    .append("jvm_threads_live_threads{service=\"").append(service).append("\"} 42\n")
                    .append("hikaricp_connections_active{pool=\"p\",service=\"").append(service).append("\"} 1\n")
                    .append("database_file_bytes{service=\"").append(service).append("\"} 1048576\n");
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
