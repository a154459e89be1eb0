package org.opsconsole.console.load.engine;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.LoadReport;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's figures are made of histograms of about 190 KB each. They must all exist before the
 * run sends anything: made at its first ticks, in the middle of a measured run, a young collection
 * copies their megabytes into the old generation and stops every sender for tens of milliseconds.
 */
class RunSamplerMemoryTest {

    private static final long MS = 1_000_000;

    @Test
    void ticksAllocateNoHistogramOnceTheSamplerExists() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<String> operations = List.of("read-user", "create-user", "create-order");
        RunRecorder recorder = new RunRecorder(operations, 2 * MS);
        RunSampler sampler = new RunSampler(recorder, operations);
        sampler.begin(0, 0);

        long before = threads.getCurrentThreadAllocatedBytes();
        long now = 0;
        for (int tick = 1; tick <= 30; tick++) {
            for (int i = 0; i < 100; i++) {
                long due = now + i * 1000L;
                recorder.sending(0, false);
                recorder.completed(recorder.operations.get(operations.get(i % 3)), due, due, due + (1 + i % 7) * MS, null);
            }
            now = tick * 100 * MS;
            sampler.tick(now, 0, 1000, 0, false);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        List<LoadReport.SecondSample> timeline = sampler.timeline();
        assertThat(timeline).as("three seconds sampled").hasSize(3);
        assertThat(timeline.get(2).achievedRate()).isEqualTo(1000.0);
        assertThat(sampler.totalCorrected().p50()).isBetween(3.9, 4.1);
        // three seconds of ticks, their rows and percentiles, stay below two histograms' worth (each
        // new histogram would add its footprint; made at the ticks, they came to about 26)
        long oneHistogram = RunSampler.histogram().getEstimatedFootprintInBytes();
        assertThat(allocated).as("bytes allocated by 30 ticks").isLessThan(2 * oneHistogram);
    }
}
