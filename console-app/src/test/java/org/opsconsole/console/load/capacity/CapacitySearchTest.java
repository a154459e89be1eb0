package org.opsconsole.console.load.capacity;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.Percentiles;
import org.opsconsole.console.load.workload.Threshold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The stepping and the bisection, exactly, against made-up servers whose capacity is known, on a clock of the test's. */
class CapacitySearchTest {

    private static final Duration STEP = Duration.ofSeconds(10);

    /** A clock the steps move on. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();
    private final List<Double> offered = new ArrayList<>();

    private static CapacitySearch.Settings settings() {
        return new CapacitySearch.Settings(50, 100_000, 0.05, 20, 1.0,
                List.of(Threshold.parse("p99<50ms"), Threshold.parse("errors<1%")));
    }

    /** A server that answers in 10 ms up to {@code capacity}/s and queues past it. */
    private StepRunner server(double capacity, DoubleFunction<Long> engineLate) {
        return rate -> {
            offered.add(rate);
            clock.now = clock.now.plus(STEP);
            double p99 = rate <= capacity ? 10 : 10 + (rate - capacity);
            double throughput = Math.min(rate, capacity);
            long requests = Math.round(throughput * 10);
            long late = engineLate.apply(rate);
            return new StepRunner.Measured(throughput, new Percentiles(5, 8, p99, p99, p99, 6), 6, requests, 0, late,
                    late, late > 0 ? 40 : 0, throughput * 0.006, "run-" + offered.size(), 10);
        };
    }

    @Test
    void stepsUpByDoublingThenBisectsToThePrecisionAndReportsTheStepThatHeld() {
        List<CapacityStep> told = new ArrayList<>();
        CapacityResult result = new CapacitySearch(settings(), clock).run(server(1000, r -> 0L), told::add);

        assertThat(offered).containsExactly(50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 1200.0, 1000.0, 1100.0, 1050.0);
        assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.FOUND);
        assertThat(result.capacity()).isEqualTo(1000.0);
        assertThat(result.provingStep()).isEqualTo(8);
        assertThat(result.breakingStep()).isEqualTo(10);
        assertThat(result.summary()).startsWith("Capacity: 1,000/s.").contains("step 8").contains("p99<50ms (was 60.00)");
        assertThat(told).extracting(CapacityStep::verdict).containsExactly(
                CapacityStep.Verdict.HOLDS, CapacityStep.Verdict.HOLDS, CapacityStep.Verdict.HOLDS, CapacityStep.Verdict.HOLDS,
                CapacityStep.Verdict.HOLDS, CapacityStep.Verdict.BREAKS, CapacityStep.Verdict.BREAKS, CapacityStep.Verdict.HOLDS,
                CapacityStep.Verdict.BREAKS, CapacityStep.Verdict.BREAKS);
        assertThat(result.searchSeconds()).isEqualTo(100.0);
    }

    @Test
    void whenTheEngineFallsBehindTheSearchStopsAndSaysTheLimitIsTheToolsNotTheServices() {
        // the engine sends 2% of its requests late from 400/s on; the server could take 5,000/s
        CapacityResult result = new CapacitySearch(settings(), clock)
                .run(server(5000, r -> r >= 400 ? Math.round(r * 10 * 0.02) : 0L), s -> { });

        assertThat(offered).containsExactly(50.0, 100.0, 200.0, 400.0);
        assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.ENGINE_LIMIT);
        assertThat(result.steps().getLast().verdict()).isEqualTo(CapacityStep.Verdict.ENGINE_BEHIND);
        assertThat(result.capacity()).isEqualTo(200.0);
        assertThat(result.summary()).contains("load engine itself fell behind").contains("2.00% of its sends")
                .contains("the load tool's, not the service's");
    }

    @Test
    void sendsOnlyAFewMillisecondsLateStillOfferTheLoadAndDoNotStopTheSearch() {
        StepRunner server = server(1000, r -> 0L);
        CapacityResult result = new CapacitySearch(settings(), clock).run(rate -> {
            StepRunner.Measured m = server.run(rate);
            long late = m.requests() / 10;  // 10% of sends, but never more than 3 ms behind
            return new StepRunner.Measured(m.throughput(), m.corrected(), m.meanMs(), m.requests(), m.errors(), late, late, 3,
                    m.measuredConcurrency(), m.runId(), m.seconds());
        }, s -> { });

        assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.FOUND);
        assertThat(result.capacity()).isEqualTo(1000.0);
    }

    @Test
    void aServerSlowerThanTheFirstStepAndOneFasterThanTheLimitAreSaidAsSuch() {
        CapacityResult below = new CapacitySearch(settings(), clock).run(server(5, r -> 0L), s -> { });
        assertThat(below.outcome()).isEqualTo(CapacityResult.Outcome.BELOW_START);
        assertThat(below.capacity()).isNull();
        assertThat(below.summary()).contains("Even the first step, at 50/s, broke").contains("--start-rate");

        offered.clear();
        CapacitySearch.Settings capped = new CapacitySearch.Settings(50, 300, 0.05, 20, 1.0, List.of(Threshold.parse("p99<50ms")));
        CapacityResult above = new CapacitySearch(capped, clock).run(server(10_000, r -> 0L), s -> { });
        assertThat(offered).containsExactly(50.0, 100.0, 200.0, 300.0);
        assertThat(above.outcome()).isEqualTo(CapacityResult.Outcome.ABOVE_MAX);
        assertThat(above.capacity()).isEqualTo(300.0);
    }

    @Test
    void stopEndsTheSearchAfterTheStepUnderWay() {
        CapacitySearch search = new CapacitySearch(settings(), clock);
        StepRunner server = server(1000, r -> 0L);
        CapacityResult result = search.run(rate -> {
            StepRunner.Measured m = server.run(rate);
            if (offered.size() == 3) {
                search.stop();
            }
            return m;
        }, s -> { });

        assertThat(offered).hasSize(3);
        assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.STOPPED);
        assertThat(result.summary()).startsWith("Stopped after 2 step(s).").contains("100/s");
    }

    @Test
    void littlesLawFlagsAStepWhoseConcurrencyDisagreesWithThroughputTimesLatency() {
        CapacityStep steady = step(1000, 10, 10.4);
        CapacityStep growing = step(1000, 10, 25);
        assertThat(steady.littleConcurrency()).isEqualTo(10.0);
        assertThat(steady.littleAgrees()).isTrue();
        assertThat(growing.littleAgrees()).isFalse();
    }

    private static CapacityStep step(double throughput, double meanMs, double measured) {
        return new CapacityStep(1, throughput, throughput, 5, 20, meanMs, 0, 0, measured, CapacityStep.Verdict.HOLDS,
                List.of(), "r", 10);
    }
}
