package org.opsconsole.console.ui.metrics;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.SeriesKey;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chart's time axis as it scrolls a second at a time, as the Metrics screen's do: every time
 * label drawn lies whole inside the axis, second after second (ChartFX moves a tick's label
 * without making it again while the tick values stay the same).
 */
@ExtendWith(ApplicationExtension.class)
class TimeAxisLabelsTest {

    private MetricsChart chart;

    @Start
    void start(Stage stage) {
        chart = new MetricsChart("scroll", "Requests per second", "req/s",
                List.of(new SeriesKey("users", Metric.REQUESTS_PER_SECOND)), List.of("users"));
        stage.setScene(new Scene(new StackPane(chart), 640, 320));
        stage.show();
    }

    @Test
    void asTheAxisScrollsNoTimeLabelIsDrawnCutAtEitherEnd() throws Exception {
        double start = 1_780_000_000;
        for (int second = 0; second < 12; second++) {
            double from = start + second;
            WaitForAsyncUtils.asyncFx(() -> chart.applyView(from, from + 60, 10, null)).get();
            WaitForAsyncUtils.waitForFxEvents(3);
            DefaultNumericAxis axis = (DefaultNumericAxis) chart.chart().getXAxis();
            List<TickMark> labelled = WaitForAsyncUtils.asyncFx(() -> axis.getTickMarks().stream()
                    .filter(t -> t.isVisible() && t.getText() != null && t.getText().matches(".*\\d.*")).toList()).get();
            double width = axis.getWidth();
            assertThat(labelled).as("labels at second " + second).hasSizeGreaterThan(2);
            int at = second;
            assertThat(labelled).allSatisfy(t -> {
                assertThat(t.getPosition() - t.getWidth() / 2).as(t.getText() + " starts inside at second " + at)
                        .isGreaterThanOrEqualTo(0);
                assertThat(t.getPosition() + t.getWidth() / 2).as(t.getText() + " ends inside at second " + at)
                        .isLessThanOrEqualTo(width);
            });
        }
    }
}
