package org.opsconsole.console.metrics;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.FakeService;
import org.opsconsole.console.api.ConsoleHttp;
import org.opsconsole.console.api.ServiceEndpoint;
import org.opsconsole.service.kit.ServiceConfig;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsScraperTest {

    private final ConsoleHttp http = new ConsoleHttp();
    private final FakeService.EventStore store = new FakeService.EventStore();
    private final AtomicReference<FakeService> users = new AtomicReference<>();
    private MetricsScraper scraper;

    @AfterEach
    void tearDown() {
        if (scraper != null) {
            scraper.close();
        }
        if (users.get() != null) {
            users.get().stop();
        }
        http.close();
    }

    private void startUsers() {
        users.set(FakeService.start("users", "test.scrape.users", ServiceConfig.inMemory(), store));
    }

    private void call(String path, int times) throws Exception {
        OkHttpClient client = http.quick();
        for (int i = 0; i < times; i++) {
            try (Response response = client.newCall(new Request.Builder().url(users.get().baseUri().resolve(path).toString()).build()).execute()) {
                response.body().string();
            }
        }
    }

    @Test
    void readsEveryFigureFromTheRealUsersService() throws Exception {
        try (org.opsconsole.service.kit.RunningService real =
                     org.opsconsole.service.user.UserService.start(ServiceConfig.inMemory())) {
            scraper = new MetricsScraper(List.of(ServiceEndpoint.fixed("users", real.baseUri())), http.quick(),
                    new MetricsHistory(MetricsHistory.keysFor(List.of("users")), 100), Clock.systemUTC());
            scraper.scrapeOnce();
            OkHttpClient client = http.quick();
            for (String path : List.of("/users", "/users/1", "/users/999999", "/users/x")) {
                try (Response response = client.newCall(new Request.Builder().url(real.baseUri().resolve(path).toString()).build()).execute()) {
                    response.body().string();
                }
            }
            MetricsTick tick = scraper.scrapeOnce();
            for (Metric metric : List.of(Metric.REQUESTS_PER_SECOND, Metric.LATENCY_P99, Metric.CLIENT_ERRORS_PER_SECOND,
                    Metric.HEAP_USED_MB, Metric.LIVE_THREADS)) {
                assertThat(tick.value(new SeriesKey("users", metric))).as(metric.label()).isPositive();
            }
            assertThat(tick.value(new SeriesKey("users", Metric.SERVER_ERRORS_PER_SECOND))).isZero();
            assertThat(tick.value(new SeriesKey("users", Metric.DB_POOL_ACTIVE))).isNotNaN();
        }
    }

    @Test
    void turnsTrafficIntoRatesAndRecordsGapsWhileTheServiceIsDown() throws Exception {
        startUsers();
        ServiceEndpoint endpoint = new ServiceEndpoint("users",
                () -> Optional.ofNullable(users.get()).filter(FakeService::isHealthy).map(FakeService::baseUri));
        ServiceEndpoint nowhere = ServiceEndpoint.fixed("orders", URI.create("http://127.0.0.1:1"));
        scraper = new MetricsScraper(List.of(endpoint, nowhere), http.quick(),
                new MetricsHistory(MetricsHistory.keysFor(List.of("users", "orders")), 100), Clock.systemUTC());
        SeriesKey rps = new SeriesKey("users", Metric.REQUESTS_PER_SECOND);
        SeriesKey errors = new SeriesKey("users", Metric.SERVER_ERRORS_PER_SECOND);
        SeriesKey p99 = new SeriesKey("users", Metric.LATENCY_P99);

        MetricsTick first = scraper.scrapeOnce();
        assertThat(first.value(rps)).isNaN();
        assertThat(first.value(new SeriesKey("users", Metric.LIVE_THREADS))).isEqualTo(42.0);

        call("/things", 20);
        call("/boom", 3);
        MetricsTick second = scraper.scrapeOnce();
        assertThat(second.value(rps)).isPositive();
        assertThat(second.value(errors)).isPositive();
        assertThat(second.value(p99)).isPositive();
        assertThat(second.value(new SeriesKey("orders", Metric.REQUESTS_PER_SECOND))).as("unreachable service is a gap").isNaN();

        users.get().stop();
        assertThat(scraper.scrapeOnce().value(new SeriesKey("users", Metric.LIVE_THREADS))).isNaN();

        startUsers();
        scraper.scrapeOnce();
        call("/things", 5);
        assertThat(scraper.scrapeOnce().value(rps)).as("history goes on after a restart").isPositive();
        assertThat(scraper.history().size()).isEqualTo(5);
    }
}
