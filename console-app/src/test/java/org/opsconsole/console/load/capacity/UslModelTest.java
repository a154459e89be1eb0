package org.opsconsole.console.load.capacity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UslModelTest {

    private static final double LAMBDA = 900;
    private static final double SIGMA = 0.05;
    private static final double KAPPA = 0.0008;

    private static List<UslModel.Point> measured(double noise, double... concurrencies) {
        UslModel truth = new UslModel(LAMBDA, SIGMA, KAPPA, null, null, null, 0);
        Random random = new Random(42);
        List<UslModel.Point> points = new ArrayList<>();
        for (double n : concurrencies) {
            points.add(new UslModel.Point(n, truth.throughput(n) * (1 + noise * (2 * random.nextDouble() - 1))));
        }
        return points;
    }

    @Test
    void recoversSigmaAndKappaFromDataMadeWithThemAndTheirIntervalsHoldTheTruth() {
        UslModel fit = UslModel.fit(measured(0.01, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64));

        assertThat(fit.lambda()).isCloseTo(LAMBDA, within(LAMBDA * 0.05));
        assertThat(fit.sigma()).isCloseTo(SIGMA, within(SIGMA * 0.2));
        assertThat(fit.kappa()).isCloseTo(KAPPA, within(KAPPA * 0.2));
        assertThat(fit.sigmaInterval().contains(SIGMA)).as("sigma %s in %s", SIGMA, fit.sigmaInterval()).isTrue();
        assertThat(fit.kappaInterval().contains(KAPPA)).as("kappa %s in %s", KAPPA, fit.kappaInterval()).isTrue();
        // the peak: sqrt((1 - sigma) / kappa) = 34.5 requests in flight, inside what was measured
        assertThat(fit.peakConcurrency()).isCloseTo(Math.sqrt((1 - SIGMA) / KAPPA), within(3.0));
        assertThat(fit.peakExtrapolated()).isFalse();
        assertThat(fit.poorlyDetermined()).isFalse();
    }

    @Test
    void stepsThatNeverReachTheBendLeaveTheModelPoorlyDeterminedAndSaySo() {
        // all in the straight part: one request in flight at most
        UslModel fit = UslModel.fit(measured(0.05, 0.1, 0.2, 0.4, 0.8, 1.0));
        assertThat(fit.poorlyDetermined()).isTrue();
        assertThat(CapacityReports.usl(fit)).contains("Poorly determined");
    }

    @Test
    void exactDataIsFittedExactlyAndAPeakBeyondTheMeasuredIsMarkedAsAPrediction() {
        UslModel fit = UslModel.fit(measured(0, 1, 2, 3, 4, 6, 8, 10));

        assertThat(fit.sigma()).isCloseTo(SIGMA, within(1e-6));
        assertThat(fit.kappa()).isCloseTo(KAPPA, within(1e-8));
        assertThat(fit.measuredUpTo()).isEqualTo(10);
        assertThat(fit.peakExtrapolated()).isTrue();
        assertThat(fit.peakThroughput()).isCloseTo(new UslModel(LAMBDA, SIGMA, KAPPA, null, null, null, 0)
                .throughput(Math.sqrt((1 - SIGMA) / KAPPA)), within(0.01));
    }

    @Test
    void fewerThanFourConcurrenciesAreRefusedInWords() {
        assertThatThrownBy(() -> UslModel.fit(measured(0, 1, 2, 2, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4 steps");
    }

    @Test
    void stepsThatNeverHadOneRequestInFlightFitAModelThatSaysItIsPoorlyDetermined() {
        // a fast server at low rates: throughput grows with the offered rate while concurrency stays below one
        List<UslModel.Point> points = List.of(new UslModel.Point(0.02, 50), new UslModel.Point(0.04, 100),
                new UslModel.Point(0.08, 200), new UslModel.Point(0.13, 300));

        UslModel fit = UslModel.fit(points);

        assertThat(fit.tooLittleConcurrency()).isTrue();
        assertThat(fit.poorlyDetermined()).isTrue();
        assertThat(CapacityReports.usl(fit)).contains("fewer than one request was in flight at every step");
    }
}
