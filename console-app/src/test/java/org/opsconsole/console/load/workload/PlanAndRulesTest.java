package org.opsconsole.console.load.workload;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.Percentiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PlanAndRulesTest {

    @Test
    void a_constant_plan_spaces_requests_evenly() {
        RatePlan plan = RatePlan.constant(1000, Duration.ofSeconds(10));
        assertThat(plan.totalRequests()).isEqualTo(10_000);
        assertThat(plan.dueNanos(0)).isZero();
        assertThat(plan.dueNanos(1)).isEqualTo(1_000_000);
        assertThat(plan.dueNanos(9_999)).isEqualTo(9_999_000_000L);
    }

    @Test
    void a_ramp_sends_its_integral_and_speeds_up() {
        RatePlan plan = new RatePlan(Stage.parse("10s@0->1000"));
        assertThat(plan.totalRequests()).isEqualTo(5000);
        // half of a linear ramp's requests are due after 1/sqrt(2) of its time
        assertThat(plan.dueNanos(2500) / 1e9).isCloseTo(10 / Math.sqrt(2), within(0.01));
        assertThat(plan.rateAt(5_000_000_000L)).isCloseTo(500, within(0.1));
    }

    @Test
    void what_a_run_stopped_early_was_asked_for_is_the_plan_up_to_then() {
        RatePlan plan = new RatePlan(List.of(Stage.ramp(Duration.ofSeconds(10), 0, 1000), Stage.constant(Duration.ofSeconds(5), 1000)));
        assertThat(plan.plannedBy(2_000_000_000L)).as("2 s into a ramp to 1000/s: 2 x 200 / 2").isCloseTo(200, within(0.01));
        assertThat(plan.plannedBy(10_000_000_000L)).isCloseTo(5000, within(0.01));
        assertThat(plan.plannedBy(12_000_000_000L)).isCloseTo(7000, within(0.01));
        assertThat(plan.plannedBy(99_000_000_000L)).isCloseTo(plan.totalRequests(), within(0.01));
    }

    @Test
    void stages_follow_one_another() {
        RatePlan plan = new RatePlan(List.of(Stage.constant(Duration.ofSeconds(2), 100),
                Stage.constant(Duration.ofSeconds(1), 1000)));
        assertThat(plan.totalRequests()).isEqualTo(1200);
        assertThat(plan.dueNanos(199)).isEqualTo(1_990_000_000L);
        assertThat(plan.dueNanos(200)).isEqualTo(2_000_000_000L);
        assertThat(plan.dueNanos(201)).isEqualTo(2_001_000_000L);
    }

    @Test
    void stage_text_forms() {
        assertThat(Stage.parse("30s@300")).containsExactly(Stage.constant(Duration.ofSeconds(30), 300));
        assertThat(Stage.parse("1m@0->1000")).containsExactly(Stage.ramp(Duration.ofMinutes(1), 0, 1000));
        assertThat(Stage.parse("40s@100->400/4")).extracting(Stage::fromRate).containsExactly(100.0, 200.0, 300.0, 400.0);
        assertThatThrownBy(() -> Stage.parse("fast")).hasMessageContaining("30s@300");
    }

    @Test
    void thresholds_parse_and_judge() {
        Threshold p99 = Threshold.parse("p99<200ms");
        assertThat(p99.passes(199.9)).isTrue();
        assertThat(p99.passes(200)).isFalse();
        assertThat(Threshold.parse("max<2s").limit()).isEqualTo(2000.0);
        Threshold errors = Threshold.parse("errors<1%");
        assertThat(errors.actual(Percentiles.EMPTY, 1000, 10, 0, 0)).isEqualTo(1.0);
        assertThat(errors.passes(1.0)).isFalse();
        assertThat(Threshold.parse("rate>=290").passes(290)).isTrue();
        assertThat(Threshold.parse("rate>290").checkedLive()).isFalse();
        assertThatThrownBy(() -> Threshold.parse("p99<200")).hasMessageContaining("ms");
        assertThatThrownBy(() -> Threshold.parse("latency<3")).hasMessageContaining("p99<200ms");
    }

    @Test
    void the_mix_interleaves_exact_proportions() {
        OperationMix mix = OperationMix.parse("a=3,b=1");
        assertThat(List.of(mix.pick(0), mix.pick(1), mix.pick(2), mix.pick(3))).containsExactlyInAnyOrder("a", "a", "a", "b");
        assertThat(new OperationMix(Map.of("x", 0, "y", 2)).names()).containsExactly("y");
        assertThatThrownBy(() -> OperationMix.parse("a=x")).hasMessageContaining("whole number");
    }

    @Test
    void presets_are_valid_scenarios() {
        assertThat(LoadPresets.forDefaultServices()).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(p -> assertThat(p.scenario().model().duration()).isPositive())
                .extracting(LoadPresets.Preset::name).doesNotHaveDuplicates();
    }
}
