package org.opsconsole.console.load.engine;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.workload.RatePlan;
import org.opsconsole.console.load.workload.Stage;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The timeline's target for each second is what the schedule planned in that second, on a clock ticked by hand. */
class RunSamplerTimelineTest {

    private static final long MS = 1_000_000;

    @Test
    void eachSecondsTargetIsWhatThePlanSendsInItThroughRampsStepsAndTheLastSecond() {
        List<Stage> stages = new ArrayList<>();
        for (String text : List.of("2s@50", "2s@50->200", "4s@100->300/2")) {
            stages.addAll(Stage.parse(text));
        }
        RatePlan plan = new RatePlan(stages);
        RunRecorder recorder = new RunRecorder(List.of("get"), 2 * MS);
        RunSampler sampler = new RunSampler(recorder, List.of("get"));
        sampler.begin(0, 0);

        for (int tick = 1; tick <= 80; tick++) {
            long now = tick * 100 * MS;
            sampler.tick(now, 0, plan.plannedBy(now), 0, tick == 80);
        }

        assertThat(sampler.timeline()).extracting(LoadReport.SecondSample::targetRate)
                .containsExactly(50.0, 50.0, 87.5, 162.5, 100.0, 100.0, 300.0, 300.0);
    }
}
