package org.opsconsole.console.supervisor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceStartException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServiceSupervisorTest {

    /** A service that only pretends: healthy until told otherwise, stop counted. */
    static final class Stub implements RunningService {
        final int port;
        volatile boolean healthy = true;
        final AtomicInteger stops = new AtomicInteger();

        Stub(int port) {
            this.port = port;
        }

        @Override public String name() { return "users"; }
        @Override public int port() { return port; }
        @Override public URI baseUri() { return URI.create("http://127.0.0.1:" + port); }
        @Override public String version() { return "1.2.3"; }
        @Override public boolean isHealthy() { return healthy; }
        @Override public String loggerName() { return "test.users"; }
        @Override public Optional<Path> dataDir() { return Optional.empty(); }
        @Override public void stop() { stops.incrementAndGet(); }
    }

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final List<ServiceStatus> seen = new CopyOnWriteArrayList<>();
    private final List<Stub> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextPort = new AtomicInteger(9000);
    private ServiceSupervisor supervisor;

    private ServiceSupervisor supervise(ServiceLauncher launcher, RestartPolicy policy, Duration probe) {
        supervisor = new ServiceSupervisor(
                new ServiceSpec("users", "test.users", launcher, ServiceConfig::inMemory),
                service -> HealthCheck.Health.of(((Stub) service).healthy), policy, scheduler, probe, Clock.systemUTC());
        supervisor.addListener(seen::add);
        return supervisor;
    }

    private ServiceLauncher working() {
        return config -> {
            Stub stub = new Stub(nextPort.incrementAndGet());
            started.add(stub);
            return stub;
        };
    }

    private static RestartPolicy fast() {
        return new RestartPolicy(Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() {
        if (supervisor != null) {
            supervisor.close();
        }
        scheduler.shutdownNow();
    }

    private List<ServiceState> states() {
        return seen.stream().map(ServiceStatus::state).toList();
    }

    @Test
    void startsAndStopsThroughEveryState() throws Exception {
        supervise(working(), fast(), Duration.ofHours(1));
        ServiceStatus running = supervisor.start().get(5, TimeUnit.SECONDS);
        assertThat(running.state()).isEqualTo(ServiceState.RUNNING);
        assertThat(running.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9001"));
        assertThat(running.version()).isEqualTo("1.2.3");
        assertThat(running.startedAt()).isNotNull();

        ServiceStatus stopped = supervisor.stop().get(5, TimeUnit.SECONDS);
        assertThat(stopped.state()).isEqualTo(ServiceState.STOPPED);
        assertThat(stopped.version()).as("the version stays known").isEqualTo("1.2.3");
        assertThat(started.getFirst().stops).hasValue(1);
        assertThat(states()).containsExactly(ServiceState.STOPPED, ServiceState.STARTING, ServiceState.RUNNING,
                ServiceState.STOPPING, ServiceState.STOPPED);
    }

    @Test
    void stopThenStartWorksAnyNumberOfTimes() throws Exception {
        supervise(working(), fast(), Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(supervisor.start().get(5, TimeUnit.SECONDS).state()).isEqualTo(ServiceState.RUNNING);
            assertThat(supervisor.stop().get(5, TimeUnit.SECONDS).state()).isEqualTo(ServiceState.STOPPED);
        }
        assertThat(started).hasSize(5).allMatch(stub -> stub.stops.get() == 1);
    }

    @Test
    void startWhileRunningAndStopWhileStoppedChangeNothing() throws Exception {
        supervise(working(), fast(), Duration.ofHours(1));
        supervisor.start();
        supervisor.start();
        supervisor.start().get(5, TimeUnit.SECONDS);
        assertThat(started).hasSize(1);
        supervisor.stop();
        assertThat(supervisor.stop().get(5, TimeUnit.SECONDS).state()).isEqualTo(ServiceState.STOPPED);
        assertThat(started.getFirst().stops).hasValue(1);
    }

    @Test
    void restartStopsTheOldInstanceAndStartsANewOne() throws Exception {
        supervise(working(), fast(), Duration.ofHours(1));
        supervisor.start().get(5, TimeUnit.SECONDS);
        ServiceStatus after = supervisor.restart().get(5, TimeUnit.SECONDS);
        assertThat(after.state()).isEqualTo(ServiceState.RUNNING);
        assertThat(started).hasSize(2);
        assertThat(started.get(0).stops).hasValue(1);
        assertThat(supervisor.running()).containsSame(started.get(1));
    }

    @Test
    void aFailedStartIsFailedWithTheServicesOwnWords() throws Exception {
        supervise(config -> {
            throw new ServiceStartException("port 8081 is already in use by another program", new java.net.BindException());
        }, fast(), Duration.ofHours(1));
        ServiceStatus failed = supervisor.start().get(5, TimeUnit.SECONDS);
        assertThat(failed.state()).isEqualTo(ServiceState.FAILED);
        assertThat(failed.reason()).isEqualTo("port 8081 is already in use by another program");
        assertThat(failed.nextRetryAt()).as("no retry unless asked for").isNull();
        assertThat(supervisor.running()).isEmpty();
    }

    @Test
    void aServiceThatStartedWithoutAPortIsFailedAndStopped() throws Exception {
        Stub nowhere = new Stub(-1);
        supervisor = new ServiceSupervisor(
                new ServiceSpec("users", "test.users", config -> nowhere, () -> ServiceConfig.inMemory().withPort(8081)),
                service -> HealthCheck.Health.of(true), fast(), scheduler, Duration.ofHours(1), Clock.systemUTC());
        ServiceStatus failed = supervisor.start().get(5, TimeUnit.SECONDS);
        assertThat(failed.state()).isEqualTo(ServiceState.FAILED);
        assertThat(failed.reason()).isEqualTo("port 8081 on 127.0.0.1 is already in use by another program");
        assertThat(nowhere.stops).hasValue(1);
    }

    @Test
    void unexpectedErrorsAreDescribedWithoutAStackTrace() {
        assertThat(ServiceSupervisor.describe(new IllegalStateException("Database may be already in use")))
                .isEqualTo("unexpected error: Database may be already in use");
        assertThat(ServiceSupervisor.describe(new RuntimeException(new java.net.BindException("Address already in use"))))
                .isEqualTo("its port is already in use by another program");
        assertThat(ServiceSupervisor.describe(new UnsupportedOperationException("not yet")))
                .isEqualTo("this build does not contain the service yet");
    }

    @Test
    void restartOnFailureRetriesWithGrowingBackOffUntilItWorks() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ServiceLauncher flaky = config -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new ServiceStartException("database is locked by another program", null);
            }
            return working().start(config);
        };
        supervise(flaky, fast(), Duration.ofHours(1));
        supervisor.setRestartOnFailure(true);
        supervisor.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status().state() == ServiceState.RUNNING);
        assertThat(attempts).hasValue(4);
        assertThat(seen).filteredOn(s -> s.state() == ServiceState.FAILED && s.nextRetryAt() != null).hasSize(3);
        assertThat(fast().delay(1)).isEqualTo(Duration.ofMillis(20));
        assertThat(fast().delay(2)).isEqualTo(Duration.ofMillis(40));
        assertThat(fast().delay(5)).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void stopCancelsAPlannedRetry() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        supervise(config -> {
            attempts.incrementAndGet();
            throw new ServiceStartException("nope", null);
        }, new RestartPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMinutes(1)), Duration.ofHours(1));
        supervisor.setRestartOnFailure(true);
        supervisor.start().get(5, TimeUnit.SECONDS);
        assertThat(supervisor.stop().get(5, TimeUnit.SECONDS).state()).isEqualTo(ServiceState.STOPPED);
        // a start probe that would have run after the back-off must not happen
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> attempts.get() == 1);
    }

    @Test
    void aServiceThatStopsAnsweringIsFailedAndRestartedWhenAskedFor() throws Exception {
        supervise(working(), fast(), Duration.ofMillis(20));
        supervisor.start().get(5, TimeUnit.SECONDS);
        supervisor.setRestartOnFailure(true);
        started.getFirst().healthy = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 2
                && supervisor.status().state() == ServiceState.RUNNING);
        assertThat(seen).anyMatch(s -> s.state() == ServiceState.FAILED
                && "stopped answering its health check".equals(s.reason()));
        assertThat(started.getFirst().stops).hasValue(1);
    }

    @Test
    void listenersHearTheCurrentStatusWhenTheyJoin() throws Exception {
        supervise(working(), fast(), Duration.ofHours(1));
        supervisor.start().get(5, TimeUnit.SECONDS);
        List<ServiceStatus> late = new CopyOnWriteArrayList<>();
        supervisor.addListener(late::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> !late.isEmpty());
        assertThat(late.getFirst().state()).isEqualTo(ServiceState.RUNNING);
    }

    @Test
    void startAllWaitsForUsersWhenItsPortIsOnlyKnownOnceRunning() throws Exception {
        ServiceSupervisor users = supervise(working(), fast(), Duration.ofHours(1));
        List<String> order = new CopyOnWriteArrayList<>();
        ServiceSupervisor orders = new ServiceSupervisor(
                new ServiceSpec("orders", "test.orders", config -> {
                    order.add("orders saw users " + users.status().state());
                    return new Stub(7000);
                }, ServiceConfig::inMemory),
                service -> HealthCheck.Health.of(true), fast(), scheduler, Duration.ofHours(1), Clock.systemUTC());
        try (ServiceGroup group = new ServiceGroup(users, orders, false)) {
            group.startAll().get(5, TimeUnit.SECONDS);
            assertThat(order).containsExactly("orders saw users RUNNING");
            group.stopAll().get(5, TimeUnit.SECONDS);
            assertThat(users.status().state()).isEqualTo(ServiceState.STOPPED);
            assertThat(orders.status().state()).isEqualTo(ServiceState.STOPPED);
        }
        supervisor = null;
    }
}
