package org.opsconsole.console.load.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Late sends with every connection free: the advice follows the machine's figures. */
class LateSendAdviceTest {

    @Test
    void busyCoresMeanTheSenderWaitedForOneAndTheFiguresSaySo() {
        String advice = LateSendAdvice.machine(new CpuUse(0.94, 0.0, 2, 0.48, -1, -1), false);

        assertThat(advice).startsWith("the machine was too busy to send on time: its 2 cores were 94% busy, "
                + "this run's process used 48% of one core; ").endsWith(LateSendAdvice.BUSY_MACHINE);
    }

    @Test
    void coresWithRoomMeanTheProcessWasStoppedNotCrowdedOut() {
        String advice = LateSendAdvice.machine(new CpuUse(0.41, 0.0, 4, 0.3, -1, -1), false);

        assertThat(advice).contains("the machine had room (its 4 cores were 41% busy, this run's process used 30% of one core)",
                "GC pause", "-Xlog:gc").doesNotContain(LateSendAdvice.BUSY_MACHINE);
    }

    @Test
    void withRoomTheGarbageCollectorsPausesAreCountedInTheAdvice() {
        String advice = LateSendAdvice.machine(new CpuUse(0.41, 0.0, 2, 0.3, 3, 1041), false);

        assertThat(advice).contains("the machine had room (its 2 cores were 41% busy",
                "the garbage collector paused this process 3 times, 1,041 ms in all (347 ms on average)", "-Xlog:gc")
                .doesNotContain(LateSendAdvice.BUSY_MACHINE);
        assertThat(LateSendAdvice.machine(new CpuUse(0.41, 0.0, 2, 0.3, 1, 8), false)).contains("paused this process 1 time, 8 ms in all, and");
    }

    @Test
    void withRoomAndNoCollectionTheSystemHeldTheProcess() {
        String advice = LateSendAdvice.machine(new CpuUse(0.2, 0.0, 2, 0.1, 0, 0), false);

        assertThat(advice).contains("the machine had room (its 2 cores were 20% busy",
                "no garbage collection paused this process", "the system or its hypervisor held it",
                "run the load from another machine").doesNotContain("-Xlog:gc");
    }

    @Test
    void theCollectionsAreTheJvmsCountsBetweenTwoReadings() {
        CpuUse use = new CpuUse.Reading(0, 0, 100, 0, 0, 10, 100)
                .to(new CpuUse.Reading(50, 0, 200, 0, 1_000_000_000, 13, 141), 2);
        assertThat(use.gcPauses()).isEqualTo(3);
        assertThat(use.gcPauseMillis()).isEqualTo(41);
        assertThat(new CpuUse.Reading(0, 0, 100, 0, 0, -1, -1).to(new CpuUse.Reading(50, 0, 200, 0, 1, -1, -1), 2).gcPauses())
                .as("unknown when a reading has none").isEqualTo(-1);

        long[] before = CpuUse.garbageCollections();
        System.gc();
        long[] after = CpuUse.garbageCollections();
        assertThat(after[0]).as("this JVM's collections, an explicit one included").isGreaterThan(before[0]);
    }

    @Test
    void aBusyMachineThatRunsTheServerTooSaysTheTwoSharedItsCores() {
        CpuUse busy = new CpuUse(0.89, 0.0, 2, 0.6, -1, -1);

        assertThat(LateSendAdvice.machine(busy, true)).contains("its 2 cores were 89% busy")
                .endsWith(LateSendAdvice.SHARED_MACHINE).doesNotContain(LateSendAdvice.BUSY_MACHINE);
        assertThat(LateSendAdvice.machine(busy, false)).endsWith(LateSendAdvice.BUSY_MACHINE);
    }

    @Test
    void withTheServerOnThisMachineTwoCoresThreeQuartersBusyAreSharedNotRoomToSpare() {
        CpuUse threeQuarters = new CpuUse(0.76, 0.0, 2, 0.5, 56, 21);

        assertThat(LateSendAdvice.machine(threeQuarters, true)).contains("its 2 cores were 76% busy")
                .endsWith(LateSendAdvice.SHARED_MACHINE).doesNotContain("had room");
        assertThat(LateSendAdvice.machine(threeQuarters, false)).contains("the machine had room", "paused this process 56 times");
        assertThat(LateSendAdvice.machine(new CpuUse(0.3, 0.0, 2, 0.2, 0, 0), true)).as("a quiet machine")
                .contains("the machine had room").doesNotContain(LateSendAdvice.SHARED_MACHINE);
    }

    @Test
    void connectionsBusyOnlyWhileAServerOnThisBusyMachineWasSlowBlameTheSharingNotTheServer() {
        CpuUse busy = new CpuUse(0.89, 0.0, 2, 0.6, -1, -1);
        CpuUse room = new CpuUse(0.3, 0.0, 2, 0.2, -1, -1);

        // 64 connections at 1.3 ms carry 49,231/s: enough for 39,062/s on average
        String shared = LateSendAdvice.connections(64, 1.3, 19, 39_062, "--connections", busy, true);
        String elsewhere = LateSendAdvice.connections(64, 1.3, 19, 39_062, "--connections", busy, false);
        String withRoom = LateSendAdvice.connections(64, 1.3, 19, 39_062, "--connections", room, true);

        assertThat(shared).contains("at most 49,231/s against 39,062/s asked", "enough on average",
                "its 2 cores were 89% busy", LateSendAdvice.SHARED_MACHINE).doesNotContain("look at the server");
        assertThat(elsewhere).contains("look at the server").doesNotContain(LateSendAdvice.SHARED_MACHINE);
        assertThat(withRoom).contains("look at the server").doesNotContain(LateSendAdvice.SHARED_MACHINE);
    }

    @Test
    void tooFewConnectionsOnABusyMachineThatRunsTheServerAsksForNoMore() {
        CpuUse busy = new CpuUse(0.9, 0.0, 2, 0.6, -1, -1);
        CpuUse half = new CpuUse(0.6, 0.0, 2, 0.4, -1, -1);

        // 64 connections at 1.3 ms carry 49,231/s, short of 60,000/s: 94 would carry it with 20 % to spare
        String shared = LateSendAdvice.connections(64, 1.3, 19, 60_000, "--connections", busy, true);
        String elsewhere = LateSendAdvice.connections(64, 1.3, 19, 60_000, "--connections", busy, false);
        String withRoom = LateSendAdvice.connections(64, 1.3, 19, 60_000, "--connections", half, true);

        assertThat(shared).contains("at most 49,231/s against 60,000/s asked", "more connections would not help",
                "its 2 cores were 90% busy", LateSendAdvice.SHARED_MACHINE).doesNotContain("raise --connections");
        assertThat(elsewhere).contains("raise --connections to about 94").doesNotContain(LateSendAdvice.SHARED_MACHINE);
        assertThat(withRoom).contains("raise --connections to about 94");
    }

    @Test
    void theSendsThatFoundAConnectionFreeAreNotExplainedTwiceBySharedCores() {
        CpuUse busy = new CpuUse(0.74, 0.0, 2, 0.29, -1, -1);
        String connections = LateSendAdvice.connections(2, 1.3, 19, 600, "--connections", busy, true);

        assertThat(connections).contains(LateSendAdvice.SHARED_MACHINE);
        assertThat(LateSendAdvice.others(connections, busy, true)).isEqualTo("the sender waited for the same busy cores");
        String alone = LateSendAdvice.connections(2, 1.3, 19, 600, "--connections", busy, false);
        assertThat(LateSendAdvice.others(alone, busy, false)).isEqualTo(LateSendAdvice.machine(busy, false));
    }

    @Test
    void timeStolenByTheHypervisorCountsAsABusyMachine() {
        String advice = LateSendAdvice.machine(new CpuUse(0.5, 0.12, 2, 0.2, -1, -1), false);

        assertThat(advice).contains("too busy", "(12% of it stolen by the hypervisor)");
    }

    @Test
    void withoutTheKernelsCountersItSaysWhatItCanAndNoFigures() {
        String advice = LateSendAdvice.machine(new CpuUse(Double.NaN, Double.NaN, 2, 0.4, -1, -1), false);

        assertThat(advice).isEqualTo("the machine was too busy to send on time (CPU, pauses); " + LateSendAdvice.BUSY_MACHINE);
    }

    @Test
    void theMachinesShareIsTakenFromTheKernelsCountersBetweenTwoReadings() {
        // cpu user nice system idle iowait irq softirq steal: busy = all but idle and iowait
        long[] before = CpuUse.parseProcStat("cpu  100 0 50 800 50 0 0 0 0 0");
        long[] after = CpuUse.parseProcStat("cpu  250 0 100 850 50 0 0 50 0 0");
        CpuUse use = new CpuUse.Reading(before[0], before[1], before[2], 0, 0, -1, -1)
                .to(new CpuUse.Reading(after[0], after[1], after[2], 500_000_000, 1_000_000_000, -1, -1), 2);

        assertThat(use.machineBusy()).isEqualTo(250.0 / 300);
        assertThat(use.stolen()).isEqualTo(50.0 / 300);
        assertThat(use.processCores()).isEqualTo(0.5);
        assertThat(CpuUse.parseProcStat("intr 1 2 3")).containsExactly(-1, -1, -1);
    }
}
