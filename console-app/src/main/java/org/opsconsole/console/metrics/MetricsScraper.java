package org.opsconsole.console.metrics;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.opsconsole.console.api.ServiceEndpoint;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scrapes {@code /observe/metrics} of every endpoint once per period on its own thread, derives the
 * figures, appends one row to the history and tells listeners. A service that can't be reached
 * (stopped, restarting, elsewhere and down) gets a row of NaN, which the charts draw as a gap, and
 * its next scrape starts a fresh baseline. The history survives service restarts.
 */
public final class MetricsScraper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MetricsScraper.class.getName());

    private final List<ServiceEndpoint> endpoints;
    private final Map<String, List<String>> totals;
    private final OkHttpClient client;
    private final MetricsHistory history;
    private final Clock clock;
    private final Map<String, ServiceMetricsCalculator> calculators = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final List<Consumer<MetricsTick>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("metrics-scraper").factory());
    private ScheduledFuture<?> schedule;

    public MetricsScraper(List<ServiceEndpoint> endpoints, OkHttpClient client, MetricsHistory history, Clock clock) {
        this(endpoints, Map.of(), client, history, clock);
    }

    /**
     * @param totals series computed from others rather than scraped: a service's total from its
     *               instances' series ({@link InstanceTotals})
     */
    public MetricsScraper(List<ServiceEndpoint> endpoints, Map<String, List<String>> totals, OkHttpClient client,
                          MetricsHistory history, Clock clock) {
        this.totals = new ConcurrentHashMap<>(totals);
        this.endpoints = new CopyOnWriteArrayList<>(endpoints);
        this.client = client;
        this.history = history;
        this.clock = clock;
        for (ServiceEndpoint endpoint : endpoints) {
            calculators.put(endpoint.name(), new ServiceMetricsCalculator(endpoint.service()));
        }
    }

    public MetricsHistory history() {
        return history;
    }

    public List<ServiceEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /**
     * Scrapes these too from the next round on (a service added at run time), and computes
     * {@code moreTotals} from them; their series join the history.
     */
    public void add(List<ServiceEndpoint> more, Map<String, List<String>> moreTotals) {
        List<String> names = new java.util.ArrayList<>();
        more.forEach(e -> names.add(e.name()));
        names.addAll(moreTotals.keySet());
        history.addKeys(MetricsHistory.keysFor(names));
        for (ServiceEndpoint endpoint : more) {
            calculators.put(endpoint.name(), new ServiceMetricsCalculator(endpoint.service()));
        }
        totals.putAll(moreTotals);
        endpoints.addAll(more);
    }

    /** Stops scraping the named endpoints and computing the named totals; what they left stays in the history. */
    public void remove(java.util.Collection<String> names) {
        endpoints.removeIf(e -> names.contains(e.name()));
        totals.keySet().removeAll(names);
    }

    /** Heard on the scraper's thread after every row. */
    public void addListener(Consumer<MetricsTick> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<MetricsTick> listener) {
        listeners.remove(listener);
    }

    /** Scrapes every {@code period}, starting now. */
    public synchronized void start(Duration period) {
        if (schedule == null) {
            schedule = thread.scheduleAtFixedRate(this::scrapeSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        thread.shutdownNow();
    }

    private void scrapeSafely() {
        try {
            scrapeOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a metrics scrape failed", e);
        }
    }

    /** One round over every endpoint; public so tests can drive it without waiting for the clock. */
    public MetricsTick scrapeOnce() {
        double now = clock.millis() / 1000.0;
        Map<SeriesKey, Double> row = new LinkedHashMap<>();
        for (ServiceEndpoint endpoint : endpoints) {
            ServiceMetricsCalculator calculator = calculators.get(endpoint.name());
            Map<Metric, Double> figures = scrape(endpoint, calculator);
            figures.forEach((metric, value) -> row.put(new SeriesKey(endpoint.name(), metric), value));
        }
        totals.forEach((total, instances) -> row.putAll(InstanceTotals.of(total, instances, row)));
        history.append(now, row);
        MetricsTick tick = new MetricsTick(now, row);
        for (Consumer<MetricsTick> listener : listeners) {
            try {
                listener.accept(tick);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a metrics listener failed", e);
            }
        }
        return tick;
    }

    private Map<Metric, Double> scrape(ServiceEndpoint endpoint, ServiceMetricsCalculator calculator) {
        Optional<URI> base = endpoint.currentUri();
        if (base.isEmpty()) {
            calculator.reset();
            return ServiceMetricsCalculator.gap();
        }
        HttpUrl.Builder url = HttpUrl.get(base.get().resolve("/observe/metrics").toString()).newBuilder();
        // only the families the charts use (a service that ignores the filter answers them all)
        ServiceMetricsCalculator.FAMILIES.forEach(name -> url.addQueryParameter("name[]", name));
        Request request = new Request.Builder()
                .url(url.build())
                .header("Accept", "text/plain; version=0.0.4")
                .get()
                .build();
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            String text = body.string();
            long taken = System.nanoTime();
            lastError.remove(endpoint.name());
            return calculator.update(PrometheusTextParser.parse(text), taken);
        } catch (IOException | RuntimeException e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!message.equals(lastError.put(endpoint.name(), message))) {
                LOG.log(Level.FINE, () -> "scraping " + endpoint.name() + " failed: " + message);
            }
            calculator.reset();
            return ServiceMetricsCalculator.gap();
        }
    }
}
