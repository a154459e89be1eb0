package org.opsconsole.service.kit;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One service's meters, in a Prometheus registry of its own: two Helidon servers in one JVM share
 * Helidon's registry (requests served by one showed in the other's metrics, and giving each
 * observer its own registry did not separate them), and the console's charts must never mix the
 * two services.
 * Every meter carries the tag {@code service}.
 */
public final class ServiceMetrics implements Filter {

    private final PrometheusMeterRegistry registry;
    // meters looked up once per (method, route, status), not built anew on every request
    private final Map<MeterKey, Meters> meters = new ConcurrentHashMap<>();
    private final JvmGcMetrics gcMetrics;

    public ServiceMetrics(String service) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void register(HttpRouting.Builder routing) {
        routing.addFilter(this);
        routing.get("/observe/metrics", this::scrape);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            record(req, res, System.nanoTime() - start);
        }
    }

    private void record(ServerRequest req, ServerResponse res, long nanos) {
        String route = req.matchingPattern().filter(p -> !p.isBlank()).orElse("unmatched");
        if (route.startsWith("/observe/metrics")) {
            return;
        }
        Meters m = meters.computeIfAbsent(new MeterKey(req.prologue().method().text(), route, res.status().code()),
                this::register);
        m.timer().record(nanos, TimeUnit.NANOSECONDS);
        if (m.errors() != null) {
            m.errors().increment();
        }
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

    private void scrape(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        res.send(registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void close() {
        gcMetrics.close();
        registry.close();
    }
}
