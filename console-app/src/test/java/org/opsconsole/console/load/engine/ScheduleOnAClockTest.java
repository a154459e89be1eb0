package org.opsconsole.console.load.engine;

import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.transport.LoadHttpClient;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.ScenarioBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine on a clock of the test's own: one connection, a server that answers in a set time,
 * and a clock that moves only when the engine waits or the server works. So the planned send time
 * of every request, every late send and why it was late are exact, whatever the machine is doing.
 */
class ScheduleOnAClockTest {

    private static final long MS = 1_000_000;

    @Test
    void eachRequestLeavesAtItsPlannedTimeExactly() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        ServerOnTheClock server = new ServerOnTheClock(clock, 100_000);

        LoadReport report = run(stages("1s@1000"), clock, server);

        assertThat(server.sends()).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(server.sends().get(i) - server.sends().getFirst()).as("request %d", i).isEqualTo(i * MS);
        }
        assertThat(report.requests()).isEqualTo(1000);
        assertThat(report.late()).isZero();
        assertThat(report.maxBehindMs()).isLessThan(1);
        assertThat(report.warnings()).noneMatch(w -> w.startsWith("The run took"));
    }

    @Test
    void rampsAndStagesLeaveWhereTheRateSaysToTheMicrosecond() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        ServerOnTheClock server = new ServerOnTheClock(clock, 0);

        run(stages("1s@0->1000, 500ms@1000, 1s@200->400/2"), clock, server);

        // a ramp 0 -> 1000/s over 1 s has sent n requests by t = sqrt(n / 500) s: 500 in all
        List<Long> expected = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            expected.add(Math.round(Math.sqrt(n / 500.0) * 1e9));
        }
        // then 1000/s for 500 ms
        for (int m = 0; m < 500; m++) {
            expected.add(1000 * MS + m * MS);
        }
        // then two steps of 500 ms: 200/s, then 400/s
        for (int m = 0; m < 100; m++) {
            expected.add(1500 * MS + m * 5 * MS);
        }
        for (int m = 0; m < 200; m++) {
            expected.add(2000 * MS + Math.round(m * 2.5 * MS));
        }
        List<Long> sends = server.sends();
        assertThat(sends).hasSameSizeAs(expected);
        long start = sends.getFirst();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(sends.get(i) - start).as("request %d", i).isCloseTo(expected.get(i), org.assertj.core.data.Offset.offset(1_000L));
        }
    }

    @Test
    void aServerSlowerThanTheScheduleMakesSendsWaitForTheConnectionAndTheReportSaysSo() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        ServerOnTheClock server = new ServerOnTheClock(clock, 3 * MS);

        LoadReport report = run(stages("100ms@1000"), clock, server);

        // request k is due at k ms and leaves at 3k ms, when the one connection is free again:
        // more than 2 ms late from k = 2 on, each having waited for the connection
        assertThat(report.requests()).isEqualTo(100);
        assertThat(report.late()).isEqualTo(98);
        assertThat(report.lateWaitingForConnection()).isEqualTo(98);
        assertThat(report.maxBehindMs()).isEqualTo(198.0);
        // corrected: the last one answered at 300 ms, due at 99 ms; uncorrected: the server's 3 ms
        assertThat(report.latencyMs().corrected().max()).isCloseTo(201.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(report.latencyMs().uncorrected().max()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.01));
        // and in figures: one connection held 3 ms a request carries 333/s, not the 1,000/s asked
        assertThat(report.warnings()).anyMatch(w -> w.contains("98 of 100 sends")
                && w.contains("all waited for a free connection: at the server's 3.0 ms a request, 1 connection carries at most 333/s "
                + "against 1,000/s asked; raise --connections to about 4"));
        // every planned request went out, the last at 297 ms: the run took three times as long as planned
        assertThat(report.durationSeconds()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.001));
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("The run took 0.3 s, not the 0.1 s planned"));
    }

    @Test
    void aMachineThatWakesLateMakesSendsLateWithFreeConnectionsAndTheReportSaysSo() throws Exception {
        SteppingClock clock = new SteppingClock(3 * MS);
        ServerOnTheClock server = new ServerOnTheClock(clock, 100_000);

        LoadReport report = run(stages("1s@100"), clock, server);

        // every wait for a due time ends 3 ms late: all but the first (due at once) leave late,
        // and none of them waited for the connection
        assertThat(report.requests()).isEqualTo(100);
        assertThat(report.late()).isEqualTo(99);
        assertThat(report.lateWaitingForConnection()).isZero();
        // whether this machine's cores were busy or had room (the advice's second half) is the real machine's, not the clock's
        assertThat(report.warnings()).anyMatch(w -> w.contains("none waited for a connection: the machine "));
        List<Long> sends = server.sends();
        for (int i = 1; i < sends.size(); i++) {
            assertThat(sends.get(i) - sends.getFirst()).isEqualTo(i * 10 * MS + 3 * MS);
        }
    }

    @Test
    void aServerThatStallsHoldsTheConnectionAndTheReportBlamesTheServer() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        // 0.1 ms an answer, but request 100 takes 50 ms: one connection carries 10,000/s, 1,000/s is asked
        ServerOnTheClock server = new ServerOnTheClock(clock, 100_000, 100, 50 * MS);

        LoadReport report = run(stages("1s@1000"), clock, server);

        // request k is due at k ms; from 101 on they leave when the connection is free again, from 150 ms,
        // 0.1 ms apart, and catch up at 154: the 53 from 101 to 153 leave more than 2 ms late
        assertThat(report.late()).isEqualTo(53);
        assertThat(report.lateWaitingForConnection()).isEqualTo(53);
        assertThat(report.warnings()).anyMatch(w -> w.contains("all waited for a free connection")
                && w.contains("so they were enough on average: the server was slow at times (its slowest answer took 50 ms)")
                && !w.contains("raise --connections"));
    }

    @Test
    void aWarmUpThatFallsBehindLeavesItsDebtBehindAndTheRunStartsOnSchedule() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        // cold: the first 40 answers take 2.5 ms (one connection carries 400/s of the 1,000/s asked), then 0.1 ms
        ServerOnTheClock server = new ServerOnTheClock(clock, n -> n < 40 ? 2_500_000 : 100_000);
        LoadScenario scenario = new ScenarioBuilder().url("http://127.0.0.1:9/on-the-clock").stages("1s@1000")
                .connections(1).warmup(Duration.ofMillis(100)).build();

        LoadReport report = LoadEngine.start(scenario, clock, () -> server).completion().get(60, TimeUnit.SECONDS);

        // 40 warm-up requests went out by 100 ms; the other 60 due in the warm-up were dropped, and the
        // measured second went out on time: all 1,000 of it, none late
        assertThat(server.sends()).hasSize(1040);
        assertThat(server.sends().get(40) - server.sends().getFirst()).isEqualTo(100 * MS);
        assertThat(report.requests()).isEqualTo(1000);
        assertThat(report.late()).isZero();
        assertThat(report.warnings()).anyMatch(w -> w.contains("The warm-up could not keep the rate: 60 of its requests"));
    }

    @Test
    void aRunWhoseLastAnswerIsSlowTakesLongerWithoutFallingBehind() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        // request 10 takes 200 ms (the run falls 200 ms behind, then catches up at 0.1 ms an answer),
        // and the last of 1,000 (due at 999 ms) takes 300 ms
        ServerOnTheClock server = new ServerOnTheClock(clock, n -> n == 10 ? 200 * MS : n == 999 ? 300 * MS : 100_000);

        LoadReport report = run(stages("1s@1000"), clock, server);

        // it ran 0.3 s past its planned end for the last answer, and was 200 ms behind, but not at the end
        assertThat(report.durationSeconds()).isGreaterThan(1.29);
        assertThat(report.maxBehindMs()).isGreaterThan(190);
        assertThat(report.warnings()).noneMatch(w -> w.startsWith("The run took"));
    }

    @Test
    void aStoppedRunIsNotBehindScheduleForTheTimeItTakesToStop() throws Exception {
        SteppingClock clock = new SteppingClock(0);
        AtomicReference<LoadRun> running = new AtomicReference<>();
        AtomicInteger samples = new AtomicInteger();
        // the user stops the run as request 100 (due at 100 ms) is out; it comes back 300 ms later, and the
        // run samples itself (live lines, charts) while it waits for it
        ServerOnTheClock server = new ServerOnTheClock(clock, n -> {
            if (n == 100) {
                await().atMost(Duration.ofSeconds(10)).until(() -> running.get() != null);
                running.get().stop();
                clock.advance(300 * MS);
                int before = samples.get();
                // two: the first may have read the clock before it moved
                await().atMost(Duration.ofSeconds(10)).until(() -> samples.get() > before + 1);
            }
            return 100_000;
        });

        LoadRun run = LoadEngine.start(stages("1s@1000"), clock, () -> server);
        run.onSnapshot(s -> samples.incrementAndGet());
        running.set(run);
        LoadReport report = run.completion().get(60, TimeUnit.SECONDS);

        // no request was due after the stop: the report is not behind schedule, though the clock moved on 300 ms
        assertThat(report.outcome()).isEqualTo(LoadReport.STOPPED);
        assertThat(report.requests()).isEqualTo(101);
        assertThat(report.maxBehindMs()).isLessThan(1);
        assertThat(report.late()).isZero();
        assertThat(report.warnings()).noneMatch(w -> w.startsWith("The run took"));
    }

    private static LoadScenario stages(String stages) {
        return new ScenarioBuilder().url("http://127.0.0.1:9/on-the-clock").stages(stages)
                .connections(1).warmup(Duration.ZERO).build();
    }

    private static LoadReport run(LoadScenario scenario, SteppingClock clock, ServerOnTheClock server) throws Exception {
        return LoadEngine.start(scenario, clock, () -> server).completion().get(60, TimeUnit.SECONDS);
    }

    /**
     * Moves only when the engine waits (straight to the time it waits for, plus how late this
     * machine wakes) or the server works. One connection, so one worker moves it.
     */
    static final class SteppingClock implements LoadClock {
        private final AtomicLong now = new AtomicLong(1_000 * MS);
        private final long wakesLateBy;

        SteppingClock(long wakesLateBy) {
            this.wakesLateBy = wakesLateBy;
        }

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public Instant now() {
            return Instant.EPOCH.plusNanos(now.get());
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            now.accumulateAndGet(deadlineNanos + wakesLateBy, Math::max);
        }

        /** A machine with room to spare on this clock: its cores a tenth busy, no garbage collection. */
        @Override
        public CpuUse.Reading cpu() {
            long ticks = now.get() / (10 * MS);
            return new CpuUse.Reading(ticks / 10, 0, ticks, now.get() / 20, now.get(), 0, 0);
        }

        void advance(long nanos) {
            now.addAndGet(nanos);
        }
    }

    /** Answers 200 after {@code serviceNanos} on the clock, and notes when each request left. */
    static final class ServerOnTheClock implements LoadHttpClient {
        private final SteppingClock clock;
        private final java.util.function.IntToLongFunction serviceNanosOf;
        private final List<Long> sends = Collections.synchronizedList(new ArrayList<>());

        ServerOnTheClock(SteppingClock clock, long serviceNanos) {
            this(clock, n -> serviceNanos);
        }

        /** As fast as {@code serviceNanos}, but request number {@code stallAt} (from 0) takes {@code stallNanos}. */
        ServerOnTheClock(SteppingClock clock, long serviceNanos, int stallAt, long stallNanos) {
            this(clock, n -> n == stallAt ? stallNanos : serviceNanos);
        }

        /** Request number n (from 0) takes {@code serviceNanosOf(n)}. */
        ServerOnTheClock(SteppingClock clock, java.util.function.IntToLongFunction serviceNanosOf) {
            this.clock = clock;
            this.serviceNanosOf = serviceNanosOf;
        }

        List<Long> sends() {
            return List.copyOf(sends);
        }

        @Override
        public Outcome send(Request request, boolean readBody) {
            int n;
            synchronized (sends) {
                n = sends.size();
                sends.add(clock.nanoTime());
            }
            clock.advance(serviceNanosOf.applyAsLong(n));
            return new Outcome(200, null, new byte[0]);
        }

        @Override
        public void cancelAll() {
        }

        @Override
        public void close() {
        }
    }
}
