package org.opsconsole.console.ui.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsChartScaleTest {

    @Test
    void roundsUpToOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen() {
        assertThat(MetricsChart.niceCeiling(0)).isEqualTo(1);
        assertThat(MetricsChart.niceCeiling(Double.NaN)).isEqualTo(1);
        assertThat(MetricsChart.niceCeiling(1.1)).isEqualTo(2);
        assertThat(MetricsChart.niceCeiling(2.2)).isEqualTo(2.5);
        assertThat(MetricsChart.niceCeiling(3)).isEqualTo(5);
        assertThat(MetricsChart.niceCeiling(46.2)).isEqualTo(50);
        assertThat(MetricsChart.niceCeiling(100)).isEqualTo(100);
        assertThat(MetricsChart.niceCeiling(0.042)).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void formatsLatestValuesReadably() {
        assertThat(MetricsChart.format(1370.4)).isEqualTo("1370");
        assertThat(MetricsChart.format(12.34)).isEqualTo("12.3");
        assertThat(MetricsChart.format(0.514)).isEqualTo("0.51");
        assertThat(MetricsChart.format(42)).isEqualTo("42");
    }
}
