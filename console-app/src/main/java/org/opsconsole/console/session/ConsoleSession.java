package org.opsconsole.console.session;

import okhttp3.HttpUrl;
import org.opsconsole.console.api.ConsoleHttp;
import org.opsconsole.console.api.ServiceEndpoint;
import org.opsconsole.console.events.EventFeed;
import org.opsconsole.console.logs.ServiceLogCapture;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.MetricsScraper;
import org.opsconsole.console.supervisor.AttachedService;
import org.opsconsole.console.supervisor.HttpHealthCheck;
import org.opsconsole.console.supervisor.RestartPolicy;
import org.opsconsole.console.supervisor.ServiceGroup;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.console.supervisor.ServiceLauncher;
import org.opsconsole.console.supervisor.ServiceSpec;
import org.opsconsole.console.supervisor.ServiceStatus;
import org.opsconsole.console.supervisor.ServiceSupervisor;
import org.opsconsole.console.supervisor.WatchedService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything the console runs for one session, without any window: the users and orders services
 * (embedded and supervised, or attached), those added at run time, their log captures, the metrics
 * scraper with its history, the event feed, the HTTP clients with the services' tokens and the
 * stores of added services and their tokens. Views read from it; closing it stops the embedded
 * services (orders, then users) and releases their ports and files.
 */
public final class ConsoleSession implements AutoCloseable {

    public static final String USERS = UserService.NAME;
    public static final String ORDERS = OrderService.NAME;
    public static final String USERS_LOGGER = UserService.LOGGER;
    public static final String ORDERS_LOGGER = OrderService.LOGGER;

    private static final Logger LOG = Logger.getLogger(ConsoleSession.class.getName());

    /** The time of the supervisors, the scraper and the charts' marks. */
    private final Clock clock = Clock.systemUTC();
    private final ConsoleOptions options;
    private final DataFolderLock folderLock;
    private final ConsoleHttp http;
    private final ScheduledExecutorService scheduler;
    private final ServiceGroup services;
    private final Map<String, ServiceLogCapture> logs;
    private final MetricsScraper scraper;
    private final EventFeed events;
    private final List<String> metricSeries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SavedServices saved;
    private SecretStore secrets; // found on first use: asking the desktop takes a moment
    private volatile boolean closed;

    private ConsoleSession(ConsoleOptions options, ServiceLauncher usersLauncher, ServiceLauncher ordersLauncher) {
        this.options = options;
        // first: a second console on these files fails here, before it captures, binds or opens anything
        this.folderLock = options.folders() == null ? null : DataFolderLock.acquire(options.folders().root());
        this.http = new ConsoleHttp();
        this.scheduler = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("supervisor-timer").factory());
        // capture before anything starts, so the first lines of the first start are kept
        this.logs = Map.of(
                USERS, ServiceLogCapture.attach(USERS, USERS_LOGGER, ServiceLogCapture.DEFAULT_CAPACITY),
                ORDERS, ServiceLogCapture.attach(ORDERS, ORDERS_LOGGER, ServiceLogCapture.DEFAULT_CAPACITY));

        HttpHealthCheck health = new HttpHealthCheck(http.quick());
        Duration probe = Duration.ofSeconds(3);
        options.attached().values().forEach(urls -> urls.forEach(url -> http.useToken(url, options.apiToken())));
        WatchedService users = options.attachedUrls(USERS).isEmpty()
                ? new ServiceSupervisor(new ServiceSpec(USERS, USERS_LOGGER, usersLauncher, () -> options.configFor(USERS)),
                        health, RestartPolicy.defaults(), scheduler, probe, clock)
                : attach(USERS);
        WatchedService orders = options.attachedUrls(ORDERS).isEmpty()
                ? new ServiceSupervisor(new ServiceSpec(ORDERS, ORDERS_LOGGER, ordersLauncher, () -> ordersConfig(users)),
                        health, RestartPolicy.defaults(), scheduler, probe, clock)
                : attach(ORDERS);
        this.services = new ServiceGroup(users, orders, options.userPort() != 0);

        List<ServiceEndpoint> scraped = new ArrayList<>();
        Map<String, List<String>> totals = new LinkedHashMap<>();
        for (WatchedService service : services.all()) {
            scrapeTargets(service, options.attachedUrls(service.name()), scraped, totals);
        }
        this.scraper = new MetricsScraper(scraped, totals, http.quick(),
                new MetricsHistory(MetricsHistory.keysFor(metricSeries), MetricsHistory.DEFAULT_CAPACITY),
                clock);
        this.events = new EventFeed(List.of(endpoint(users), endpoint(orders)), http.streaming(), EventFeed.DEFAULT_CAPACITY);
        services.all().forEach(this::markStateChanges);
        this.saved = new SavedServices(options.folders() == null ? null : options.folders().root());
        for (AddedService remembered : saved.list()) {
            try {
                watch(remembered, secrets().read(secretKey(remembered)).orElse(null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the added service " + remembered.name() + " can't be watched again: " + e.getMessage());
            }
        }
    }

    /**
     * What the scraper reads for one service: the service itself, or with several instances each
     * instance ("users @ host:port") and the service as their total. Adds their names to the series.
     */
    private void scrapeTargets(WatchedService service, List<URI> urls, List<ServiceEndpoint> scraped,
                               Map<String, List<String>> totals) {
        metricSeries.add(service.name());
        if (urls.size() < 2) {
            scraped.add(endpoint(service));
            return;
        }
        List<String> instances = urls.stream().map(url -> instanceSeries(service.name(), url)).toList();
        totals.put(service.name(), instances);
        metricSeries.addAll(instances);
        for (URI url : urls) {
            scraped.add(ServiceEndpoint.instance(instanceSeries(service.name(), url), service.kind(), url));
        }
    }

    /**
     * Watches a service running elsewhere next to the others, and remembers it (and its token, in
     * the secret store) for the next start. Answers where the token is kept, in words.
     *
     * @throws IllegalArgumentException with a sentence, when a service of that name is already watched
     */
    public synchronized String addService(AddedService service, String token) {
        if (closed) {
            throw new IllegalStateException("The console is closing.");
        }
        watch(service, token);
        List<AddedService> now = new ArrayList<>(saved.list());
        now.add(service);
        saved.save(now);
        if (token == null || token.isBlank()) {
            secrets().delete(secretKey(service));
            return "No API token: the console calls it without one.";
        }
        secrets().write(secretKey(service), token);
        return secrets().where();
    }

    /** Stops watching an added service and forgets it (and its token); false when there is none of that name. */
    public synchronized boolean removeService(String name) {
        if (services.added().stream().noneMatch(s -> s.name().equals(name))) {
            return false;
        }
        List<String> series = metricSeries.stream().filter(s -> s.equals(name) || s.startsWith(name + " @ ")).toList();
        metricSeries.removeAll(series);
        scraper.remove(series);
        events.remove(name);
        Optional<WatchedService> gone = services.remove(name); // the screens hear of it now
        if (gone.orElseThrow() instanceof AttachedService attached) {
            attached.urls().stream().filter(url -> !stillWatched(url)).forEach(url -> http.useToken(url, null));
        }
        List<AddedService> kept = new ArrayList<>(saved.list());
        kept.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> {
            secrets().delete(secretKey(s));
            kept.remove(s);
        });
        saved.save(kept);
        return true;
    }

    private boolean stillWatched(URI url) {
        String origin = HttpUrl.get(url).newBuilder("/").build().toString();
        return services.all().stream().filter(s -> s instanceof AttachedService).map(s -> (AttachedService) s)
                .flatMap(s -> s.urls().stream()).anyMatch(u -> HttpUrl.get(u).newBuilder("/").build().toString().equals(origin));
    }

    /** The services added at run time, as remembered. */
    public List<AddedService> addedServices() {
        return saved.list();
    }

    private void watch(AddedService service, String token) {
        if (services.named(service.name()).isPresent()) {
            throw new IllegalArgumentException(AddedService.nameTaken(service.name()));
        }
        service.urls().forEach(url -> http.useToken(url, token));
        AttachedService watched = new AttachedService(service.kind(), service.name(), service.urls(), http.quick(), scheduler,
                Duration.ofSeconds(2), clock);
        List<ServiceEndpoint> scraped = new ArrayList<>();
        Map<String, List<String>> totals = new LinkedHashMap<>();
        scrapeTargets(watched, service.urls(), scraped, totals);
        scraper.add(scraped, totals);
        events.add(endpoint(watched));
        markStateChanges(watched);
        services.add(watched); // last: the screens hear of it when everything is in place
    }

    /** Marks the charts' history where {@code service} started, stopped or failed. */
    private void markStateChanges(WatchedService service) {
        java.util.concurrent.atomic.AtomicReference<ServiceState> last = new java.util.concurrent.atomic.AtomicReference<>(service.status().state());
        service.addListener(status -> {
            ServiceState was = last.getAndSet(status.state());
            String word = switch (status.state()) {
                case RUNNING -> "started";
                case STOPPED -> "stopped";
                case FAILED -> "failed";
                default -> null;
            };
            if (word != null && was != status.state()) {
                scraper.history().mark(clock.millis() / 1000.0, service.name() + " " + word);
            }
        });
    }

    /** Where the token of a service added now would be kept, in words; may ask the desktop, so not on the FX thread. */
    public synchronized String tokenKeeping() {
        return secrets().where();
    }

    private synchronized SecretStore secrets() {
        if (secrets == null) {
            secrets = SecretStore.forThisDesktop(options.folders() == null ? null : options.folders().root());
        }
        return secrets;
    }

    private static String secretKey(AddedService service) {
        return service.name() + " " + service.urls().getFirst();
    }

    private AttachedService attach(String name) {
        return new AttachedService(name, options.attachedUrls(name), http.quick(), scheduler, Duration.ofSeconds(2),
                clock);
    }

    /** The real, embedded services (and any the options attach to instead). */
    public static ConsoleSession embedded(ConsoleOptions options) {
        return new ConsoleSession(options, UserService::start, OrderService::start);
    }

    /** Any launchers: tests pass fakes. */
    public static ConsoleSession withLaunchers(ConsoleOptions options, ServiceLauncher users, ServiceLauncher orders) {
        return new ConsoleSession(options, users, orders);
    }

    /** Starts scraping and following events; starts the services too when the options say so. */
    public ConsoleSession begin() {
        scraper.start(Duration.ofSeconds(1));
        events.start();
        if (options.autoStart()) {
            services.startAll().thenRun(() -> LOG.info(() -> "start all finished " + sinceJvmStart() + " ms after the JVM started: "
                    + services.users().status().state() + " / " + services.orders().status().state()));
        }
        return this;
    }

    public ConsoleOptions options() {
        return options;
    }

    public ServiceGroup services() {
        return services;
    }

    public ServiceLogCapture log(String service) {
        return logs.get(service);
    }

    /** The HTTP clients every screen calls the services with (they carry the services' API tokens). */
    public ConsoleHttp http() {
        return http;
    }

    /** For each service that runs elsewhere, the sentence saying its log can't be shown here. */
    public Map<String, String> logsNotAvailable() {
        Map<String, String> notes = new LinkedHashMap<>();
        options.attached().forEach((service, urls) -> notes.put(service, "The " + service + " service runs elsewhere ("
                + urls.stream().map(URI::toString).collect(java.util.stream.Collectors.joining(", "))
                + "): its log is not available in the console yet. Read it where the service runs."));
        return notes;
    }

    /**
     * The names the metrics are kept under, in the order the charts show them: each service, and
     * after a service attached with several instances, each instance ("users @ host:port").
     */
    public List<String> metricSeries() {
        return List.copyOf(metricSeries);
    }

    /** The series name of one instance of an attached service. */
    public static String instanceSeries(String service, URI url) {
        HttpUrl http = HttpUrl.get(url);
        return service + " @ " + http.host() + ":" + http.port();
    }

    public MetricsScraper metrics() {
        return scraper;
    }

    public EventFeed events() {
        return events;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops scraping, the event streams and both services; waits for the services to stop. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scraper.close();
        events.close();
        try {
            services.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping the services failed", e);
        }
        scheduler.shutdownNow();
        http.close();
        logs.values().forEach(ServiceLogCapture::close);
        if (folderLock != null) {
            folderLock.close();
        }
    }

    /**
     * Milliseconds since this process started: for the start-up figures in the log. On Linux from the
     * kernel's clock since boot (the process's start in {@code /proc/self/stat} against
     * {@code /proc/uptime}, to 10 ms): the JDK's start instant adds the boot time, which the kernel
     * gives in whole seconds, so it is up to a second early, the same second for every process.
     */
    public static long sinceJvmStart() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            // after the command's ")" come the fields from the third on; the start time is the 22nd, in 1/100 s
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startedHundredths = Long.parseLong(fields[19]);
            double uptimeSeconds = Double.parseDouble(
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(uptimeSeconds * 1000) - startedHundredths * 10;
        } catch (java.io.IOException | RuntimeException notLinux) {
            long now = System.currentTimeMillis();
            return now - ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(now);
        }
    }

    private static ServiceEndpoint endpoint(WatchedService service) {
        return new ServiceEndpoint(service.name(), service.kind(), () -> {
            ServiceStatus status = service.status();
            return status.state() == org.opsconsole.console.supervisor.ServiceState.RUNNING ? status.uri() : Optional.empty();
        });
    }

    /** The orders service's configuration: calling the users service the options name, else the console's own. */
    private ServiceConfig ordersConfig(WatchedService users) {
        ServiceConfig config = options.configFor(ORDERS);
        return config.userServiceUrl() != null ? config : config.withUserServiceUrl(userServiceUrl(users));
    }

    /** Where the users service is now, or where it will be when its port is fixed. */
    private URI userServiceUrl(WatchedService users) {
        return users.status().uri()
                .or(() -> users instanceof ServiceSupervisor embedded ? embedded.running().map(r -> r.baseUri()) : Optional.empty())
                .or(() -> options.attachedUrls(USERS).stream().findFirst())
                .orElseGet(() -> URI.create("http://" + options.host() + ":" + (options.userPort() == 0 ? ServiceConfig.USERS_DEFAULT_PORT : options.userPort())));
    }
}
