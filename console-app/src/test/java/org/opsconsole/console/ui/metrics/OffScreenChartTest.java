package org.opsconsole.console.ui.metrics;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.MetricsTick;
import org.opsconsole.console.metrics.SeriesKey;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A chart on a screen that is not showing is brought up to date when the screen shows again. */
@ExtendWith(ApplicationExtension.class)
class OffScreenChartTest {

    private static final SeriesKey USERS_RPS = new SeriesKey("users", Metric.REQUESTS_PER_SECOND);
    private final StackPane screen = new StackPane();
    private MetricsChart chart;

    @Start
    void start(Stage stage) {
        chart = new MetricsChart("away", "Requests per second", "req/s", List.of(USERS_RPS), List.of("users"));
        screen.getChildren().add(chart);
        stage.setScene(new Scene(screen, 640, 320));
        stage.show();
    }

    @Test
    void aChartShownAgainShowsTheLastSpanValueAndRangeItWasGivenWhileAway() throws Exception {
        double start = 1_780_000_000;
        WaitForAsyncUtils.asyncFx(() -> chart.applyView(start, start + 60, 4, new MetricsTick(start + 60, Map.of(USERS_RPS, 3.0)))).get();
        WaitForAsyncUtils.asyncFx(() -> screen.getChildren().clear()).get();

        // while another screen shows: a second with a new value and range, then seconds without
        WaitForAsyncUtils.asyncFx(() -> chart.applyView(start + 1, start + 61, 46.2, new MetricsTick(start + 61, Map.of(USERS_RPS, 42.0)))).get();
        for (int second = 2; second <= 5; second++) {
            double from = start + second;
            WaitForAsyncUtils.asyncFx(() -> chart.applyView(from, from + 60, Double.NaN, null)).get();
        }

        WaitForAsyncUtils.asyncFx(() -> screen.getChildren().add(chart)).get();
        WaitForAsyncUtils.waitForFxEvents();
        DefaultNumericAxis x = (DefaultNumericAxis) chart.chart().getXAxis();
        DefaultNumericAxis y = (DefaultNumericAxis) chart.chart().getYAxis();
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.of(x.getMin(), x.getMax())).get()).containsExactly(start + 5, start + 65);
        assertThat(WaitForAsyncUtils.asyncFx(y::getMax).get()).isEqualTo(MetricsChart.niceCeiling(46.2 * 1.1));
        assertThat(WaitForAsyncUtils.asyncFx(chart::legendText).get()).contains("42");
    }
}
