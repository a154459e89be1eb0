package org.opsconsole.console.load.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Late sends with every connection free: the advice follows the machine's figures. */
class LateSendAdviceTest {

    @Test
    void busyCoresMeanTheSenderWaitedForOneAndTheFiguresSaySo() {
        String advice = LateSendAdvice.machine(new CpuUse(0.94, 0.0, 2, 0.48));

        assertThat(advice).startsWith("the machine was too busy to send on time: its 2 cores were 94% busy, "
                + "this run's process used 48% of one core; ").endsWith(LateSendAdvice.BUSY_MACHINE);
    }

    @Test
    void coresWithRoomMeanTheProcessWasStoppedNotCrowdedOut() {
        String advice = LateSendAdvice.machine(new CpuUse(0.41, 0.0, 4, 0.3));

        assertThat(advice).contains("the machine had room (its 4 cores were 41% busy, this run's process used 30% of one core)",
                "GC pause", "-Xlog:gc").doesNotContain(LateSendAdvice.BUSY_MACHINE);
    }

    @Test
    void timeStolenByTheHypervisorCountsAsABusyMachine() {
        String advice = LateSendAdvice.machine(new CpuUse(0.5, 0.12, 2, 0.2));

        assertThat(advice).contains("too busy", "(12% of it stolen by the hypervisor)");
    }

    @Test
    void withoutTheKernelsCountersItSaysWhatItCanAndNoFigures() {
        String advice = LateSendAdvice.machine(new CpuUse(Double.NaN, Double.NaN, 2, 0.4));

        assertThat(advice).isEqualTo("the machine was too busy to send on time (CPU, pauses); " + LateSendAdvice.BUSY_MACHINE);
    }

    @Test
    void theMachinesShareIsTakenFromTheKernelsCountersBetweenTwoReadings() {
        // cpu user nice system idle iowait irq softirq steal: busy = all but idle and iowait
        long[] before = CpuUse.parseProcStat("cpu  100 0 50 800 50 0 0 0 0 0");
        long[] after = CpuUse.parseProcStat("cpu  250 0 100 850 50 0 0 50 0 0");
        CpuUse use = new CpuUse.Reading(before[0], before[1], before[2], 0, 0)
                .to(new CpuUse.Reading(after[0], after[1], after[2], 500_000_000, 1_000_000_000), 2);

        assertThat(use.machineBusy()).isEqualTo(250.0 / 300);
        assertThat(use.stolen()).isEqualTo(50.0 / 300);
        assertThat(use.processCores()).isEqualTo(0.5);
        assertThat(CpuUse.parseProcStat("intr 1 2 3")).containsExactly(-1, -1, -1);
    }
}
