package org.opsconsole.console.metrics;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives one service's figures from consecutive scrapes: request and error rates from counter
 * increments, p50/p95/p99 from the latency buckets that filled during the interval (so a quantile
 * describes that second, not the whole run), and gauges as they are. Only samples whose
 * {@code service} label names this service count, so two services never mix.
 */
public final class ServiceMetricsCalculator {

    static final String REQUESTS = "http_server_requests_seconds";
    static final String ERRORS = "http_server_errors_total";
    static final String HEAP = "jvm_memory_used_bytes";
    static final String THREADS = "jvm_threads_live_threads";
    static final String POOL_ACTIVE = "hikaricp_connections_active";
    static final String DATABASE_FILE = "database_file_bytes";
    /** The metric families the figures come from: all a scrape needs to carry. */
    static final List<String> FAMILIES = List.of(REQUESTS, ERRORS, HEAP, THREADS, POOL_ACTIVE, DATABASE_FILE);

    private final String service;
    private final CounterDeltas requests = new CounterDeltas();
    private final CounterDeltas clientErrors = new CounterDeltas();
    private final CounterDeltas serverErrors = new CounterDeltas();
    private final HistogramDeltas latency = new HistogramDeltas();
    private long lastNanos = Long.MIN_VALUE;

    public ServiceMetricsCalculator(String service) {
        this.service = service;
    }

    public String service() {
        return service;
    }

    /**
     * One scrape's figures. Rates and latencies are NaN on the first scrape after a {@link #reset()}
     * (nothing to compare with); latencies are NaN for an interval without requests.
     *
     * @param samples  the parsed scrape
     * @param nanoTime when it was taken ({@link System#nanoTime()})
     */
    public Map<Metric, Double> update(List<Sample> samples, long nanoTime) {
        Map<Map<String, String>, Double> requestCounts = new HashMap<>();
        Map<Map<String, String>, Double> client = new HashMap<>();
        Map<Map<String, String>, Double> server = new HashMap<>();
        Map<Map<String, String>, TreeMap<Double, Double>> buckets = new HashMap<>();
        double heap = Double.NaN;
        double threads = Double.NaN;
        double poolActive = Double.NaN;
        double databaseFile = Double.NaN;

        for (Sample sample : samples) {
            if (!service.equals(sample.label("service"))) {
                continue;
            }
            switch (sample.name()) {
                case REQUESTS + "_count" -> requestCounts.put(sample.labels(), sample.value());
                case REQUESTS + "_bucket" -> {
                    String le = sample.label("le");
                    Double bound = le == null ? null : PrometheusTextParser.parseValue(le);
                    if (bound != null && !Double.isNaN(bound)) {
                        Map<String, String> series = new HashMap<>(sample.labels());
                        series.remove("le");
                        buckets.computeIfAbsent(Map.copyOf(series), k -> new TreeMap<>()).put(bound, sample.value());
                    }
                }
                case ERRORS -> {
                    if ("server".equals(sample.label("kind"))) {
                        server.put(sample.labels(), sample.value());
                    } else {
                        client.put(sample.labels(), sample.value());
                    }
                }
                case HEAP -> {
                    if ("heap".equals(sample.label("area"))) {
                        heap = (Double.isNaN(heap) ? 0 : heap) + sample.value();
                    }
                }
                case THREADS -> threads = sample.value();
                case POOL_ACTIVE -> poolActive = (Double.isNaN(poolActive) ? 0 : poolActive) + sample.value();
                case DATABASE_FILE -> databaseFile = sample.value();
                default -> {
                    // not charted
                }
            }
        }

        double seconds = lastNanos == Long.MIN_VALUE ? Double.NaN : (nanoTime - lastNanos) / 1e9;
        lastNanos = nanoTime;

        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        out.put(Metric.REQUESTS_PER_SECOND, perSecond(requests.update(requestCounts), seconds));
        out.put(Metric.CLIENT_ERRORS_PER_SECOND, perSecond(clientErrors.update(client), seconds));
        out.put(Metric.SERVER_ERRORS_PER_SECOND, perSecond(serverErrors.update(server), seconds));
        TreeMap<Double, Double> filled = latency.update(buckets);
        out.put(Metric.LATENCY_P50, millis(HistogramDeltas.quantile(filled, 0.50)));
        out.put(Metric.LATENCY_P95, millis(HistogramDeltas.quantile(filled, 0.95)));
        out.put(Metric.LATENCY_P99, millis(HistogramDeltas.quantile(filled, 0.99)));
        out.put(Metric.HEAP_USED_MB, heap / (1024.0 * 1024.0));
        out.put(Metric.LIVE_THREADS, threads);
        out.put(Metric.DB_POOL_ACTIVE, poolActive);
        out.put(Metric.DB_FILE_MB, databaseFile / (1024.0 * 1024.0));
        return out;
    }

    /** Forget the previous scrape: the service went away, the next scrape starts a new baseline. */
    public void reset() {
        requests.reset();
        clientErrors.reset();
        serverErrors.reset();
        latency.reset();
        lastNanos = Long.MIN_VALUE;
    }

    /** Every figure NaN: what is recorded while a service is not running (a gap in the charts). */
    public static Map<Metric, Double> gap() {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            out.put(metric, Double.NaN);
        }
        return out;
    }

    private static double perSecond(double increment, double seconds) {
        if (Double.isNaN(increment) || Double.isNaN(seconds) || seconds <= 0) {
            return Double.NaN;
        }
        return increment / seconds;
    }

    private static double millis(double seconds) {
        return seconds * 1000.0;
    }
}
