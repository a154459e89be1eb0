package org.opsconsole.console.ui.load;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.engine.CpuUse;
import org.opsconsole.console.load.engine.LoadSnapshot;
import org.opsconsole.console.load.report.Percentiles;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "behind schedule" banner advises more connections only when requests waited for one. */
class BehindScheduleAdviceTest {

    @Test
    void requestsThatWaitedForAConnectionAskForMoreConnections() {
        // 8 connections at 20 ms a request carry 400/s; the 500/s asked needs about 12
        assertThat(LoadViewModel.behindSentence(snapshot(100, 90), 8, true, true))
                .startsWith("Behind schedule: 100 late sends")
                .contains("at the server's 20 ms a request, 8 connections carry at most 400/s against 500/s asked; "
                        + "raise the connections to about 12")
                .doesNotContain("Copy as command");
    }

    @Test
    void lateSendsWithFreeConnectionsBlameABusyMachineNotTheConnections() {
        assertThat(LoadViewModel.behindSentence(snapshot(100, 0, new CpuUse(0.93, 0, 2, 0.6, -1, -1)), 8, false, false))
                .contains("Connections were free: the machine was too busy to send on time: its 2 cores were 93% busy, "
                        + "this run's process used 60% of one core",
                        "Here the engine shares this window's JVM: 'Copy as command' gives the same run in a JVM of its own.")
                .doesNotContain("raise the connections", "with the services");
    }

    @Test
    void lateSendsWithFreeConnectionsAndCoresWithRoomBlameAStoppedProcess() {
        assertThat(LoadViewModel.behindSentence(snapshot(100, 0, new CpuUse(0.3, 0, 2, 0.2, -1, -1)), 8, true, true))
                .contains("the machine had room (its 2 cores were 30% busy", "GC pause",
                        "Here the engine shares this window's JVM with the services, whose work and garbage stop it too: "
                                + "'Copy as command' gives the same run in a JVM of its own.")
                .doesNotContain("too busy", "raise the connections");
    }

    @Test
    void connectionsThatCarryFarMoreThanAskedBlameAServerStallNotTheConnections() {
        // 8 connections at 0.5 ms a request carry 16,000/s: they were short only while answers took 80 ms
        assertThat(LoadViewModel.behindSentence(snapshot(100, 90, new Percentiles(0.4, 0.5, 2, 60, 80, 0.5)), 8, true, true))
                .contains("carry at most 16,000/s against 500/s asked, so they were enough on average: "
                        + "the server was slow at times (its slowest answer took 80 ms)")
                .doesNotContain("raise the connections");
    }

    private static LoadSnapshot snapshot(long late, long lateForConnection) {
        return snapshot(late, lateForConnection, new Percentiles(20, 25, 30, 30, 31, 20));
    }

    private static LoadSnapshot snapshot(long late, long lateForConnection, Percentiles uncorrected) {
        return snapshot(late, lateForConnection, uncorrected, CpuUse.UNKNOWN);
    }

    private static LoadSnapshot snapshot(long late, long lateForConnection, CpuUse cpu) {
        return snapshot(late, lateForConnection, new Percentiles(20, 25, 30, 30, 31, 20), cpu);
    }

    private static LoadSnapshot snapshot(long late, long lateForConnection, Percentiles uncorrected, CpuUse cpu) {
        return new LoadSnapshot("r", Instant.EPOCH, LoadSnapshot.Phase.RUNNING, 10, 60, 0.2, 500, 400, 4000, 0,
                late, lateForConnection, 120, 300, 8, Percentiles.EMPTY, uncorrected, Percentiles.EMPTY,
                List.of(), null, cpu);
    }
}
