package org.opsconsole.console.supervisor;

import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceStartException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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

/**
 * Owns the lifecycle of one embedded service: STOPPED -> STARTING -> RUNNING -> STOPPING -> STOPPED,
 * or FAILED with the reason in words. Commands are queued on the supervisor's own worker thread, so
 * they never block the caller and always apply in order; listeners hear every transition on that
 * thread. While RUNNING it probes health; a service that fails its probe {@value #FAILED_PROBES_TO_FAIL}
 * times in a row is FAILED. With restart-on-failure on, a FAILED service is started again after a
 * back-off that grows with each consecutive failure.
 */
public final class ServiceSupervisor implements WatchedService {

    static final int FAILED_PROBES_TO_FAIL = 3;

    private final ServiceSpec spec;
    private final HealthCheck healthCheck;
    private final RestartPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Logger log;
    private final ExecutorService worker;
    private final List<Consumer<ServiceStatus>> listeners = new CopyOnWriteArrayList<>();

    // written only on the worker thread
    private volatile ServiceStatus status;
    private volatile RunningService running;
    private volatile boolean restartOnFailure;
    private int consecutiveFailures;
    private int failedProbes;
    private ScheduledFuture<?> pendingRetry;
    private ScheduledFuture<?> probe;
    private String lastVersion;
    /** The port it got the first time it ran on "any free port": it keeps it, so whatever calls it finds it again. */
    private int boundPort;

    public ServiceSupervisor(ServiceSpec spec, HealthCheck healthCheck, RestartPolicy policy,
                             ScheduledExecutorService scheduler, Duration probeInterval, Clock clock) {
        this.spec = Objects.requireNonNull(spec);
        this.healthCheck = Objects.requireNonNull(healthCheck);
        this.policy = Objects.requireNonNull(policy);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = Objects.requireNonNull(clock);
        this.log = Logger.getLogger(spec.loggerName() + ".supervisor");
        this.status = ServiceStatus.stopped(spec.name());
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("supervisor-" + spec.name()).factory());
        long periodMillis = probeInterval.toMillis();
        this.probe = scheduler.scheduleWithFixedDelay(this::probeHealth, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    // Properties //

    public String name() {
        return spec.name();
    }

    public String loggerName() {
        return spec.loggerName();
    }

    @Override
    public ServiceStatus status() {
        return status;
    }

    /** Its one instance while it has a URL; none while stopped. */
    @Override
    public List<InstanceStatus> instances() {
        ServiceStatus now = status;
        if (now.uri().isEmpty()) {
            return List.of();
        }
        InstanceStatus.Reach reach = now.state() != ServiceState.RUNNING ? InstanceStatus.Reach.UNREACHABLE
                : now.healthy() ? InstanceStatus.Reach.REACHABLE : InstanceStatus.Reach.UNHEALTHY;
        String reason = reach == InstanceStatus.Reach.REACHABLE ? null
                : reach == InstanceStatus.Reach.UNHEALTHY ? "its health check fails" : now.state().name().toLowerCase(java.util.Locale.ROOT);
        return List.of(new InstanceStatus(now.uri().get(), reach, reason, now.version()));
    }

    /** Always empty: the console runs it. */
    @Override
    public Optional<String> whyNotControllable() {
        return Optional.empty();
    }

    /** The running instance, while there is one. */
    public Optional<RunningService> running() {
        return Optional.ofNullable(running);
    }

    public boolean isRestartOnFailure() {
        return restartOnFailure;
    }

    /** Turning it on retries a FAILED service right away (after the first back-off); off cancels a planned retry. */
    public void setRestartOnFailure(boolean on) {
        worker.execute(() -> {
            if (restartOnFailure == on) {
                return;
            }
            restartOnFailure = on;
            log.info(() -> "restart on failure " + (on ? "on" : "off"));
            if (on && status.state() == ServiceState.FAILED) {
                planRetry(status.reason());
            } else if (!on) {
                cancelRetry();
                if (status.nextRetryAt() != null) {
                    publish(status.withNextRetryAt(null));
                }
            }
        });
    }

    /** Heard on the supervisor's worker thread after every change; the current status is sent at once. */
    public void addListener(Consumer<ServiceStatus> listener) {
        listeners.add(listener);
        worker.execute(() -> {
            try {
                listener.accept(status);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "a status listener failed", e);
            }
        });
    }

    public void removeListener(Consumer<ServiceStatus> listener) {
        listeners.remove(listener);
    }

    // Commands //

    /** Starts it unless it is already starting or running; completes with the status afterwards. */
    public CompletableFuture<ServiceStatus> start() {
        return submit(() -> {
            consecutiveFailures = 0;
            cancelRetry();
            doStart();
        });
    }

    /** Stops it and cancels any planned retry; completes with the status afterwards. */
    public CompletableFuture<ServiceStatus> stop() {
        return submit(() -> {
            cancelRetry();
            doStop();
        });
    }

    /** Stop, then start. */
    public CompletableFuture<ServiceStatus> restart() {
        return submit(() -> {
            cancelRetry();
            consecutiveFailures = 0;
            doStop();
            doStart();
        });
    }

    /** Stops the service and waits for it, then ends the worker. */
    @Override
    public void close() {
        probe.cancel(false);
        try {
            stop().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.log(Level.WARNING, "stopping " + spec.name() + " on close did not finish", e);
        }
        worker.shutdown();
    }

    // Lifecycle, on the worker thread //

    private CompletableFuture<ServiceStatus> submit(Runnable command) {
        CompletableFuture<ServiceStatus> done = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                try {
                    command.run();
                    done.complete(status);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.complete(status);
        }
        return done;
    }

    private void doStart() {
        if (!status.state().canStart()) {
            return;
        }
        publish(new ServiceStatus(spec.name(), ServiceState.STARTING, null, null, lastVersion, null, false, null, null));
        ServiceConfig config = null;
        try {
            config = spec.config().get();
            if (config.port() == 0 && boundPort > 0) {
                config = config.withPort(boundPort);
            }
            ServiceConfig used = config;
            log.info(() -> "starting " + spec.name() + " on " + used.host() + ":" + (used.port() == 0 ? "any free port" : used.port())
                    + (used.jdbcUrl() != null ? " on the database given by its JDBC URL"
                            : used.dataDir() == null ? " (in memory)" : " with data in " + used.dataDir()));
            RunningService started = spec.launcher().start(config);
            if (started.port() <= 0) {
                // a server that could not bind may still come back as "started"; it listens nowhere
                stopQuietly(started);
                throw new org.opsconsole.service.kit.ServiceStartException(config.port() > 0
                        ? "port " + config.port() + " on " + config.host() + " is already in use by another program"
                        : "it could not listen on any port of " + config.host(), null);
            }
            running = started;
            boundPort = started.port();
            lastVersion = safeVersion(started);
            failedProbes = 0;
            publish(new ServiceStatus(spec.name(), ServiceState.RUNNING, null, started.baseUri(), lastVersion,
                    clock.instant(), true, null, null));
            log.info(() -> spec.name() + " is running at " + started.baseUri());
        } catch (RuntimeException | Error e) {
            String reason = describe(e);
            log.log(Level.WARNING, spec.name() + " could not start: " + reason, e);
            running = null;
            fail(reason);
        }
    }

    private void doStop() {
        RunningService current = running;
        if (current == null) {
            if (status.state() == ServiceState.FAILED || status.state() == ServiceState.STARTING) {
                publish(ServiceStatus.stopped(spec.name()).withVersion(lastVersion));
            }
            return;
        }
        publish(new ServiceStatus(spec.name(), ServiceState.STOPPING, null, current.baseUri(), lastVersion,
                status.startedAt(), status.healthy(), null, null));
        log.info(() -> "stopping " + spec.name());
        try {
            current.stop();
            running = null;
            publish(ServiceStatus.stopped(spec.name()).withVersion(lastVersion));
            log.info(() -> spec.name() + " stopped");
        } catch (RuntimeException e) {
            running = null;
            String reason = "did not stop cleanly: " + describe(e);
            log.log(Level.WARNING, spec.name() + " " + reason, e);
            publish(new ServiceStatus(spec.name(), ServiceState.FAILED, reason, null, lastVersion, null, false, null, null));
        }
    }

    private void fail(String reason) {
        consecutiveFailures++;
        publish(new ServiceStatus(spec.name(), ServiceState.FAILED, reason, null, lastVersion, null, false, null, null));
        if (restartOnFailure) {
            planRetry(reason);
        }
    }

    private void planRetry(String reason) {
        cancelRetry();
        Duration delay = policy.delay(Math.max(consecutiveFailures, 1));
        Instant at = clock.instant().plus(delay);
        log.info(() -> "restarting " + spec.name() + " in " + delay.toMillis() + " ms");
        publish(new ServiceStatus(spec.name(), ServiceState.FAILED, reason, null, lastVersion, null, false, at, null));
        pendingRetry = scheduler.schedule(() -> worker.execute(this::retry), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retry() {
        pendingRetry = null;
        if (restartOnFailure && status.state() == ServiceState.FAILED) {
            doStart();
        }
    }

    private void cancelRetry() {
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }

    private void probeHealth() {
        RunningService current = running;
        if (current == null || status.state() != ServiceState.RUNNING) {
            return;
        }
        HealthCheck.Health health;
        try {
            health = healthCheck.check(current);
        } catch (Exception e) {
            health = HealthCheck.Health.of(false);
        }
        HealthCheck.Health result = health;
        worker.execute(() -> applyProbe(current, result));
    }

    private void applyProbe(RunningService probed, HealthCheck.Health health) {
        if (probed != running || status.state() != ServiceState.RUNNING) {
            return;
        }
        if (health.healthy()) {
            failedProbes = 0;
            if (consecutiveFailures > 0 && status.uptime(clock.instant()).compareTo(policy.stableAfter()) >= 0) {
                consecutiveFailures = 0;
            }
            if (!status.healthy() || !java.util.Objects.equals(status.warning(), health.warning())) {
                publish(status.withHealthy(true, health.warning()));
            }
            return;
        }
        failedProbes++;
        if (status.healthy()) {
            publish(status.withHealthy(false, null));
        }
        if (failedProbes >= FAILED_PROBES_TO_FAIL) {
            String reason = "stopped answering its health check";
            log.warning(() -> spec.name() + " " + reason + " " + failedProbes + " times in a row");
            stopQuietly(probed);
            running = null;
            fail(reason);
        }
    }

    private void stopQuietly(RunningService service) {
        try {
            service.stop();
        } catch (RuntimeException e) {
            log.log(Level.FINE, "stopping " + spec.name() + " after a failure", e);
        }
    }

    private void publish(ServiceStatus next) {
        status = next;
        for (Consumer<ServiceStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "a status listener failed", e);
            }
        }
    }

    private static String safeVersion(RunningService service) {
        try {
            return service.version();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A sentence for the operator: the service's own words when it gave some. */
    static String describe(Throwable e) {
        if (e instanceof ServiceStartException && e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        if (e instanceof UnsupportedOperationException) {
            return "this build does not contain the service yet";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.BindException) {
            return "its port is already in use by another program";
        }
        String message = root.getMessage();
        return "unexpected error: " + (message == null || message.isBlank() ? root.getClass().getSimpleName() : message);
    }
}
