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

    @Test
    void onANarrowChartOverSecondsTheTimeLabelsDoNotRunIntoEachOtherAndOverMinutesTheyStay() throws Exception {
        // as narrow as the Load screen's charts in the smallest window
        MetricsChart narrow = WaitForAsyncUtils.asyncFx(() -> {
            MetricsChart made = new MetricsChart("narrow", "Run: target vs achieved", "req/s",
                    List.of(new SeriesKey("target", Metric.REQUESTS_PER_SECOND)), List.of("target"));
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(made), 250, 240));
            stage.show();
            return made;
        }).get();
        double start = 1_780_000_000;
        for (double span : new double[] {15, 45, 90}) {
            List<TickMark> labelled = labelsOver(narrow, start, start + span);
            assertThat(labelled).as("labels over %s s", span).hasSizeGreaterThanOrEqualTo(2);
            for (int i = 1; i < labelled.size(); i++) {
                TickMark before = labelled.get(i - 1);
                TickMark after = labelled.get(i);
                assertThat(after.getPosition() - after.getWidth() / 2).as("%s clear of %s over %s s", after.getText(),
                        before.getText(), span).isGreaterThan(before.getPosition() + before.getWidth() / 2);
            }
        }
        // as wide as the Load screen's services charts in the default window, over their five minutes
        WaitForAsyncUtils.asyncFx(() -> narrow.getScene().getWindow().setWidth(400)).get();
        assertThat(labelsOver(narrow, start, start + 300)).as("labels over five minutes").hasSizeGreaterThanOrEqualTo(2);
    }

    private static List<TickMark> labelsOver(MetricsChart chart, double from, double to) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> chart.applyView(from, to, 10, null)).get();
        WaitForAsyncUtils.waitForFxEvents(3);
        DefaultNumericAxis axis = (DefaultNumericAxis) chart.chart().getXAxis();
        return WaitForAsyncUtils.asyncFx(() -> axis.getTickMarks().stream()
                .filter(t -> t.isVisible() && t.getText() != null && t.getText().matches(".*\\d.*"))
                .sorted(java.util.Comparator.comparingDouble(TickMark::getPosition)).toList()).get();
    }
}
