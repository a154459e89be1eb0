package org.opsconsole.service.kit;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One service's meters, in a Prometheus registry of its own: two Helidon servers in one JVM share
 * Helidon's registry (requests served by one showed in the other's metrics, and giving each
 * observer its own registry did not separate them), and the console's charts must never mix the
 * two services.
 * Every meter carries the tag {@code service}.
 */
public final class ServiceMetrics implements Filter {

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Where the text is written: a platform thread. On a virtual thread (Helidon's handlers) the JDK's
     * BufferedWriter, which the Prometheus writer makes per scrape, starts at 512 chars and grows by
     * each write's length, copying its buffer on every label: about 6 MB of garbage per scrape, most
     * of an idle console's allocation (and so of its collector's pauses).
     */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("metrics-text-writer").factory());

    private final PrometheusMeterRegistry registry;
    // meters looked up once per (method, route, status), not built anew on every request
    private final Map<MeterKey, Meters> meters = new ConcurrentHashMap<>();
    private final JvmGcMetrics gcMetrics;

    public ServiceMetrics(String service) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new FamilyNamedRegistry(), Clock.SYSTEM);
        registry.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(registry);
        new ThreadMeters().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        processorMeters(registry);
        new UptimeMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
    }

    /**
     * The processor meters of Micrometer's ProcessorMetrics, named by Prometheus's rules (promtool
     * check metrics): the number of CPUs as system_cpus (a gauge does not end in _count) and the
     * process's CPU time in seconds as process_cpu_seconds_total (not nanoseconds).
     */
    private static void processorMeters(MeterRegistry registry) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Gauge.builder("system.cpus", os, OperatingSystemMXBean::getAvailableProcessors)
                .description("The number of processors available to the service's JVM").register(registry);
        Gauge.builder("system.load.average.1m", os, OperatingSystemMXBean::getSystemLoadAverage)
                .description("The system's load average over the last minute").register(registry);
        if (os instanceof com.sun.management.OperatingSystemMXBean bean) {
            Gauge.builder("system.cpu.usage", bean, com.sun.management.OperatingSystemMXBean::getCpuLoad)
                    .description("The whole machine's recent CPU use, 0 to 1").register(registry);
            Gauge.builder("process.cpu.usage", bean, com.sun.management.OperatingSystemMXBean::getProcessCpuLoad)
                    .description("The service's process's recent CPU use, 0 to 1").register(registry);
            FunctionCounter.builder("process.cpu", bean, b -> b.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds")
                    .description("The CPU time the service's process has used").register(registry);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    void register(HttpRouting.Builder routing) {
        routing.addFilter(this);
        HeadRequests.get(routing, "/observe/metrics", this::scrape);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        HeldTime.take();
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            record(req, res, Math.max(0, System.nanoTime() - start - HeldTime.take()));
        }
    }

    private void record(ServerRequest req, ServerResponse res, long nanos) {
        String route = req.matchingPattern().filter(p -> !p.isBlank()).orElse("unmatched");
        if (route.startsWith("/observe/")) {
            // health probes and scrapes are the watchers' traffic, not the service's: counted, a
            // service nobody uses showed a request or two a second, and every scrape carried their
            // latency buckets
            return;
        }
        Meters m = meters.computeIfAbsent(new MeterKey(methodLabel(req.prologue().method().text()), route, res.status().code()),
                this::register);
        m.timer().record(nanos, TimeUnit.NANOSECONDS);
        if (m.errors() != null) {
            m.errors().increment();
        }
    }

    /** The methods HTTP defines, and PATCH: each its own label; any other shares one, so made-up methods can't add series. */
    private static final java.util.Set<String> METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    static String methodLabel(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }

    private Meters register(MeterKey key) {
        int status = key.status();
        String outcome = status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS";
        Timer timer = Timer.builder("http.server.requests")
                .description("HTTP requests served, by route")
                .tags("method", key.method(), "route", key.route(), "status", Integer.toString(status),
                        "outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        Counter errors = status < 400 ? null : Counter.builder("http.server.errors")
                .description("HTTP requests answered with an error, by route and kind")
                .tags("method", key.method(), "route", key.route(), "kind", status >= 500 ? "server" : "client")
                .register(registry);
        return new Meters(timer, errors);
    }

    private record MeterKey(String method, String route, int status) {
    }

    private record Meters(Timer timer, Counter errors) {
    }

    /**
     * Prometheus text of every meter, or with {@code ?name[]=} (repeatable, as Prometheus' own
     * exporters take it) of the named families only: the console asks each second for the few it
     * charts, not for the JVM's and the pool's other meters. A counter may be named with or without
     * {@code _total}. Written straight to the response.
     */
    private void scrape(ServerRequest req, ServerResponse res) throws IOException {
        Set<String> names = req.query().all("name[]", List::of).stream()
                .map(String::trim).filter(name -> !name.isEmpty())
                // a counter's family is named without the _total its samples carry
                .map(name -> name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name)
                .collect(Collectors.toUnmodifiableSet());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            WRITER.submit(() -> {
                registry.scrape(out, TEXT_FORMAT, names.isEmpty() ? null : names);
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the metrics", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        if (out.size() == 0) {
            // a comment, which Prometheus skips, says why there is no sample
            out.writeBytes(("# no metric family is named " + String.join(" or ", new java.util.TreeSet<>(names)) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        HeadRequests.send(res, TEXT_FORMAT, out.toByteArray());
    }

    void close() {
        gcMetrics.close();
        registry.close();
    }
}
