package org.opsconsole.console.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.opsconsole.model.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A service that runs elsewhere (another machine, a container, {@code opsconsole serve}), watched
 * through its instances' URLs: each is probed ({@code GET /observe/health}) every interval and
 * found reachable, unhealthy (with the failing check, or a refused API token) or unreachable. The
 * service counts as RUNNING while at least one instance is reachable, and is called through the
 * first such one; the console can't start or stop it.
 */
public final class AttachedService implements WatchedService {

    private static final Logger LOG = Logger.getLogger(AttachedService.class.getName());

    private final String kind;
    private final String name;
    private final List<URI> urls;
    private final OkHttpClient http;
    private final Clock clock;
    private final ExecutorService worker;
    private final ScheduledFuture<?> probe;
    private final List<Consumer<ServiceStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile List<InstanceStatus> instances;
    private volatile ServiceStatus status;

    /**
     * @param http a client that adds the service's API token, when one is set, to every call
     */
    public AttachedService(String name, List<URI> urls, OkHttpClient http, ScheduledExecutorService scheduler,
                           Duration probeInterval, Clock clock) {
        this(name, name, urls, http, scheduler, probeInterval, clock);
    }

    /**
     * @param kind "users" or "orders": what the service is
     * @param name what the console calls it (an added service's own name)
     */
    public AttachedService(String kind, String name, List<URI> urls, OkHttpClient http, ScheduledExecutorService scheduler,
                           Duration probeInterval, Clock clock) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an attached service needs at least one URL");
        }
        this.kind = kind;
        this.name = name;
        this.urls = List.copyOf(urls);
        this.http = http;
        this.clock = clock;
        this.instances = this.urls.stream().map(InstanceStatus::unknown).toList();
        this.status = new ServiceStatus(name, ServiceState.STARTING, "waiting for the first answer from " + describeUrls(),
                null, null, null, false, null, null);
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("attached-" + name).factory());
        this.probe = scheduler.scheduleWithFixedDelay(() -> worker.execute(this::probeAll), 0,
                probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return kind;
    }

    public List<URI> urls() {
        return urls;
    }

    @Override
    public ServiceStatus status() {
        return status;
    }

    @Override
    public List<InstanceStatus> instances() {
        return instances;
    }

    @Override
    public void addListener(Consumer<ServiceStatus> listener) {
        listeners.add(listener);
        worker.execute(() -> tell(listener, status));
    }

    @Override
    public void removeListener(Consumer<ServiceStatus> listener) {
        listeners.remove(listener);
    }

    @Override
    public Optional<String> whyNotControllable() {
        return Optional.of(called() + " runs elsewhere (" + describeUrls() + "): start and stop it where it runs.");
    }

    @Override
    public boolean isRestartOnFailure() {
        return false;
    }

    @Override
    public void setRestartOnFailure(boolean on) {
        // not ours to restart
    }

    @Override
    public CompletableFuture<ServiceStatus> start() {
        return CompletableFuture.completedFuture(status);
    }

    @Override
    public CompletableFuture<ServiceStatus> stop() {
        return CompletableFuture.completedFuture(status);
    }

    @Override
    public CompletableFuture<ServiceStatus> restart() {
        return CompletableFuture.completedFuture(status);
    }

    @Override
    public void close() {
        probe.cancel(false);
        worker.shutdownNow();
    }

    private void probeAll() {
        List<InstanceStatus> found = new ArrayList<>();
        for (URI url : urls) {
            found.add(probe(url));
        }
        boolean instancesChanged = !found.equals(instances);
        instances = List.copyOf(found);
        ServiceStatus next = summarise(found);
        if (!next.equals(status) || instancesChanged) {
            status = next;
            listeners.forEach(l -> tell(l, next));
        }
    }

    private ServiceStatus summarise(List<InstanceStatus> found) {
        Optional<InstanceStatus> usable = found.stream().filter(InstanceStatus::isUsable).findFirst();
        String version = found.stream().map(InstanceStatus::version).filter(v -> v != null).findFirst()
                .orElse(status.version());
        if (usable.isPresent()) {
            Instant since = status.state() == ServiceState.RUNNING ? status.startedAt() : clock.instant();
            String warnings = found.stream().filter(InstanceStatus::isUsable).filter(i -> i.reason() != null)
                    .map(i -> found.size() > 1 ? i.uri() + ": " + i.reason() : i.reason()).collect(Collectors.joining("; "));
            return new ServiceStatus(name, ServiceState.RUNNING, null, usable.get().uri(), version, since, true, null,
                    warnings.isEmpty() ? null : warnings);
        }
        String reasons = found.stream().map(InstanceStatus::describe).collect(Collectors.joining("; "));
        return new ServiceStatus(name, ServiceState.FAILED, "No instance of " + (name.equals(kind) ? "the " + name + " service" : name) + " can be used: " + reasons,
                null, version, null, false, null, null);
    }

    private InstanceStatus probe(URI url) {
        Request request = new Request.Builder().url(url.resolve("/observe/health").toString()).get().build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode health = HttpHealthCheck.parse(body);
            String version = health.path("version").asText(null);
            int code = response.code();
            if (code == 401 || code == 403) {
                return new InstanceStatus(url, InstanceStatus.Reach.UNHEALTHY,
                        "the " + kind + " service at " + url + " refused the API token", version);
            }
            if (code == 200) {
                return new InstanceStatus(url, InstanceStatus.Reach.REACHABLE, HttpHealthCheck.warning(health), version);
            }
            return new InstanceStatus(url, InstanceStatus.Reach.UNHEALTHY, unhealthyReason(code, health), version);
        } catch (ConnectException e) {
            return new InstanceStatus(url, InstanceStatus.Reach.UNREACHABLE, "connection refused", null);
        } catch (IOException e) {
            return new InstanceStatus(url, InstanceStatus.Reach.UNREACHABLE,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), null);
        }
    }

    private static String unhealthyReason(int code, JsonNode health) {
        List<String> failing = new ArrayList<>();
        for (JsonNode check : health.path("checks")) {
            if (!"UP".equals(check.path("status").asText())) {
                failing.add(check.path("name").asText("?") + " " + check.path("status").asText("?").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return failing.isEmpty() ? "its health check answered HTTP " + code : String.join(", ", failing);
    }

    /** "The users service", or an added service's own name. */
    private String called() {
        return name.equals(kind) ? "The " + name + " service" : name;
    }

    private String describeUrls() {
        return urls.stream().map(URI::toString).collect(Collectors.joining(", "));
    }

    private static void tell(Consumer<ServiceStatus> listener, ServiceStatus status) {
        try {
            listener.accept(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a status listener failed", e);
        }
    }
}
