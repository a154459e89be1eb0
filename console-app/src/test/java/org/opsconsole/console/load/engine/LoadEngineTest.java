package org.opsconsole.console.load.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.RatePlan;
import org.opsconsole.console.load.workload.Threshold;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class LoadEngineTest {

    private TestServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestServer(Duration.ofMillis(1));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LoadScenario.Url get(String path) {
        return new LoadScenario.Url("GET", server.url() + path, null, Map.of());
    }

    private static LoadReport finish(LoadRun run) throws Exception {
        return run.completion().get(60, TimeUnit.SECONDS);
    }

    // How exactly the schedule is kept is checked on a clock of the tests' own (ScheduleOnAClockTest) and
    // measured against wrk in bench/load-engine.sh; here, over a real socket, only what a busy machine can't change.
    @Test
    void sends_every_planned_request_over_real_connections() throws Exception {
        LoadScenario scenario = LoadScenario.of(get("/fast"),
                new LoadScenario.Open(RatePlan.constant(1000, Duration.ofSeconds(2))));

        LoadReport report = finish(LoadEngine.start(scenario));

        assertThat(report.requests()).isEqualTo(2_000);
        assertThat(server.received.get()).isEqualTo(2_000);
        assertThat(report.targetRate()).isEqualTo(1000.0);
        assertThat(report.achievedRate()).isPositive();
        assertThat(report.errors()).isZero();
        assertThat(report.timeline()).isNotEmpty();
    }

    @Test
    void a_one_second_stall_shows_in_corrected_latency_and_late_sends() throws Exception {
        LoadScenario scenario = LoadScenario.of(get("/stalls"),
                new LoadScenario.Open(RatePlan.constant(300, Duration.ofSeconds(4)))).withConnections(8);
        LoadRun run = LoadEngine.start(scenario);
        AtomicBoolean stalled = new AtomicBoolean();
        run.onSnapshot(s -> {
            if (s.elapsedSeconds() >= 1.5 && stalled.compareAndSet(false, true)) {
                server.stallFor(Duration.ofSeconds(1));
            }
        });

        LoadReport report = finish(run);

        assertThat(stalled).isTrue();
        assertThat(report.errors()).isZero();
        assertThat(report.requests()).isEqualTo(1200);
        // about 300 requests were due during the stall: corrected latency waits with them
        assertThat(report.latencyMs().corrected().p99()).isGreaterThan(800);
        assertThat(report.latencyMs().corrected().max()).isGreaterThan(950);
        // only the 8 in flight when it began saw the stall from their own send time
        assertThat(report.latencyMs().uncorrected().p99()).isLessThan(report.latencyMs().corrected().p99() / 2);
        assertThat(report.late()).isGreaterThan(200);
        assertThat(report.lateWaitingForConnection()).isGreaterThan(200);
        assertThat(report.maxBehindMs()).isGreaterThan(800);
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("LATE"));
    }

    @Test
    void publishes_snapshots_at_least_every_100_ms() throws Exception {
        LoadScenario scenario = LoadScenario.of(get("/snap"),
                new LoadScenario.Open(RatePlan.constant(200, Duration.ofSeconds(2))));
        LoadRun run = LoadEngine.start(scenario);
        List<LoadSnapshot> seen = new CopyOnWriteArrayList<>();
        run.onSnapshot(seen::add);

        finish(run);

        List<LoadSnapshot> running = seen.stream().filter(s -> s.phase() == LoadSnapshot.Phase.RUNNING).toList();
        assertThat(running.size()).isGreaterThanOrEqualTo(15);
        assertThat(seen.getLast().phase()).isEqualTo(LoadSnapshot.Phase.DONE);
        assertThat(seen.getLast().requests()).isEqualTo(400);
        assertThat(running.getLast().achievedRate()).isPositive();
        assertThat(running.getLast().windowCorrected().p50()).isGreaterThan(0.5);
    }

    @Test
    void a_crossed_threshold_stops_the_run() throws Exception {
        server.delay(Duration.ofMillis(30));
        LoadScenario scenario = LoadScenario.of(get("/slow"),
                        new LoadScenario.Open(RatePlan.constant(200, Duration.ofSeconds(10))))
                .withThresholds(List.of(Threshold.parse("p99<10ms")));

        LoadReport report = finish(LoadEngine.start(scenario));

        assertThat(report.outcome()).isEqualTo(LoadReport.THRESHOLD_FAILED);
        assertThat(report.stopReason()).contains("p99<10ms");
        assertThat(report.durationSeconds()).isLessThan(5);
        assertThat(report.thresholds()).singleElement()
                .satisfies(t -> assertThat(t.passed()).isFalse());
    }

    @Test
    void closed_model_keeps_n_users_busy_with_think_time() throws Exception {
        server.delay(Duration.ofMillis(10));
        LoadScenario scenario = LoadScenario.of(get("/closed"),
                new LoadScenario.Closed(4, Duration.ofMillis(40), Duration.ofSeconds(2)));

        LoadReport report = finish(LoadEngine.start(scenario));

        assertThat(report.model()).isEqualTo("closed");
        assertThat(report.vus()).isEqualTo(4);
        // 4 users, each cycle at least 50 ms: never more than 4 * 1000 / 50 a second
        assertThat(report.achievedRate()).isPositive().isLessThanOrEqualTo(81.0);
        assertThat(report.late()).isZero();
        assertThat(report.latencyMs().corrected().p50()).isGreaterThanOrEqualTo(10.0);
        assertThat(report.latencyMs().corrected()).isEqualTo(report.latencyMs().uncorrected());
    }

    @Test
    void stop_ends_a_run_quickly_even_when_the_server_stalls() throws Exception {
        LoadRun run = LoadEngine.start(LoadScenario.of(get("/stop"),
                new LoadScenario.Open(RatePlan.constant(100, Duration.ofSeconds(30)))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> run.latest().requests() >= 20);
        server.stallFor(Duration.ofSeconds(20));

        run.stop();
        // a busy machine may take a while to wind down; a stop that waited for the stalled server
        // would end after the 20 s stall, which the duration check below catches
        LoadReport report = run.completion().get(20, TimeUnit.SECONDS);

        assertThat(report.outcome()).isEqualTo(LoadReport.STOPPED);
        assertThat(report.durationSeconds()).isLessThan(10);
        assertThat(report.errorsByKind()).doesNotContainKey("cancelled");
    }

    @Test
    void warm_up_requests_are_sent_but_left_out_of_the_figures() throws Exception {
        LoadScenario scenario = LoadScenario.of(get("/warm"),
                new LoadScenario.Open(RatePlan.constant(500, Duration.ofSeconds(1)))).withWarmup(Duration.ofSeconds(1));
        LoadRun run = LoadEngine.start(scenario);
        List<LoadSnapshot.Phase> phases = new CopyOnWriteArrayList<>();
        List<LoadSnapshot> warming = new CopyOnWriteArrayList<>();
        run.onSnapshot(s -> {
            phases.add(s.phase());
            if (s.phase() == LoadSnapshot.Phase.WARMING_UP) {
                warming.add(s);
            }
        });

        LoadReport report = finish(run);

        // the warm-up shows its own rate and latencies live, and none of its requests in the run's counts
        assertThat(warming).anyMatch(s -> s.achievedRate() > 0 && s.windowCorrected().p99() > 0);
        assertThat(warming).allMatch(s -> s.requests() == 0 && s.errors() == 0);
        // every planned request reached the server, but those of a warm-up that a busy machine kept
        // from its rate: the report says how many it dropped, so that the run started on schedule
        long dropped = report.warnings().stream()
                .map(java.util.regex.Pattern.compile("The warm-up could not keep the rate: (\\d+) of its requests")::matcher)
                .filter(java.util.regex.Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).sum();
        assertThat(dropped).isLessThan(500);
        assertThat(server.received.get()).isEqualTo(1000 - dropped);
        assertThat(report.requests()).isEqualTo(500);
        assertThat(report.warmupSeconds()).isEqualTo(1.0);
        assertThat(report.targetRate()).isEqualTo(500.0);
        assertThat(report.timeline()).hasSizeBetween(1, 2);
        assertThat(phases).contains(LoadSnapshot.Phase.WARMING_UP, LoadSnapshot.Phase.RUNNING, LoadSnapshot.Phase.DONE);
    }

    @Test
    void the_okhttp_client_runs_the_same_scenario() throws Exception {
        LoadScenario scenario = LoadScenario.of(get("/ok"),
                new LoadScenario.Open(RatePlan.constant(200, Duration.ofSeconds(1))))
                .withClient(LoadScenario.HttpClientChoice.OKHTTP);

        LoadReport report = finish(LoadEngine.start(scenario));

        assertThat(report.requests()).isEqualTo(200);
        assertThat(report.errors()).isZero();
        assertThat(server.received.get()).isEqualTo(200);
    }

    @Test
    void timeouts_are_errors_of_their_own_kind() throws Exception {
        server.delay(Duration.ofMillis(400));
        LoadScenario scenario = LoadScenario.of(get("/late"),
                new LoadScenario.Open(RatePlan.constant(20, Duration.ofSeconds(1)))).withTimeout(Duration.ofMillis(100));

        LoadReport report = finish(LoadEngine.start(scenario));

        assertThat(report.errors()).isEqualTo(20);
        assertThat(report.errorsByKind()).containsOnlyKeys("timeout");
        assertThat(report.operations().getFirst().errors()).containsEntry("timeout", 20L);
    }

    @Test
    void the_open_model_keeps_the_rate_and_sees_a_stall() throws Exception {
        LoadScenario scenario = LoadScenario.of(get("/loop"),
                        new LoadScenario.Open(RatePlan.constant(500, Duration.ofSeconds(3)))).withConnections(8)
                ;
        LoadRun run = LoadEngine.start(scenario);
        AtomicBoolean stalled = new AtomicBoolean();
        run.onSnapshot(s -> {
            if (s.elapsedSeconds() >= 1 && stalled.compareAndSet(false, true)) {
                server.stallFor(Duration.ofMillis(500));
            }
        });

        LoadReport report = finish(run);

        assertThat(report.requests()).isEqualTo(1500);
        assertThat(server.received.get()).isEqualTo(1500);
        assertThat(report.errors()).isZero();
        assertThat(report.latencyMs().corrected().max()).isGreaterThan(450);
        assertThat(report.latencyMs().uncorrected().p99()).isLessThan(report.latencyMs().corrected().p99());
        assertThat(report.lateWaitingForConnection()).isGreaterThan(100);
    }

    @Test
    void sends_held_back_by_a_server_that_stalls_at_times_are_put_down_to_the_server_not_to_the_machine() throws Exception {
        // one connection, 250/s (one every 4 ms), answered at once, but every 10th answer held 8 ms: the
        // request due 4 ms after a held one can only leave when it is answered, 4 ms late, and the one
        // after it is due when the connection is free again. The warm-up readies the server, so that
        // only the held answers hold requests back.
        server.delay(Duration.ZERO);
        server.holdEvery(10, Duration.ofMillis(8));
        LoadScenario scenario = LoadScenario.of(get("/stalls-at-times"),
                new LoadScenario.Open(RatePlan.constant(250, Duration.ofSeconds(1)))).withConnections(1).withWarmup(Duration.ofSeconds(1));

        LoadReport report = finish(LoadEngine.start(scenario));

        assertThat(report.requests()).isEqualTo(250);
        // 25 held answers, each holding back the next request: all of those waited for the connection,
        // and so did nearly all other late sends (a busy machine may add some of its own, with the
        // connection free; before, a wait shorter than a poll's longest went down as the machine's)
        assertThat(report.lateWaitingForConnection()).isGreaterThanOrEqualTo(24);
        assertThat(report.lateWaitingForConnection()).isGreaterThanOrEqualTo(report.late() * 3 / 4);
        assertThat(report.warnings()).anyMatch(w -> w.contains("the server was slow at times"));
    }

    @Test
    void a_run_reports_timeouts_and_stops_quickly() throws Exception {
        server.delay(Duration.ofMillis(300));
        LoadRun run = LoadEngine.start(LoadScenario.of(get("/loop-slow"),
                        new LoadScenario.Open(RatePlan.constant(50, Duration.ofSeconds(30))))
                .withTimeout(Duration.ofMillis(100)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> run.latest().errors() >= 10);

        run.stop();
        LoadReport report = run.completion().get(5, TimeUnit.SECONDS);

        assertThat(report.outcome()).isEqualTo(LoadReport.STOPPED);
        assertThat(report.errorsByKind()).containsOnlyKeys("timeout");
    }
}
