package org.opsconsole.console.ui.metrics;

import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.MetricsTick;
import org.opsconsole.console.metrics.SeriesKey;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * A chart drawn once stops asking to be drawn again, also when a series has no value at all (a service
 * nobody calls has no latency: every point is NaN). ChartFX kept redrawing such a chart frame after
 * frame while the console sat idle.
 */
@ExtendWith(ApplicationExtension.class)
class ChartSettlesTest {

    private static final SeriesKey USERS_P99 = new SeriesKey("users", Metric.LATENCY_P99);
    private static final SeriesKey ORDERS_P99 = new SeriesKey("orders", Metric.LATENCY_P99);
    private static final Duration QUIET = Duration.ofMillis(400);
    // when the chart last asked to be drawn again (its state turned dirty); frames alone would not
    // tell: another test's window left animating in this JVM makes them go on
    private final AtomicLong lastAsked = new AtomicLong(System.nanoTime());
    private MetricsChart chart;

    @Start
    void start(Stage stage) {
        chart = new MetricsChart("settles", "Latency p99", "ms", List.of(USERS_P99, ORDERS_P99), List.of("users", "orders"));
        chart.chart().getBitState().addChangeListener((state, bits) -> lastAsked.set(System.nanoTime()));
        // a spinner beside it keeps frames coming (as another test's window may): the chart must not redraw in them
        ProgressIndicator spinner = new ProgressIndicator();
        stage.setScene(new Scene(new VBox(chart, spinner), 640, 360));
        stage.show();
    }

    @Test
    void aChartWhoseSeriesHasNoValueStopsDrawingOnceDrawn() throws Exception {
        double start = 1_780_000_000;
        // a minute in which users answered and nobody called orders
        for (int second = 1; second <= 60; second++) {
            chart.appendData(new MetricsTick(start + second, Map.of(USERS_P99, 2.5, ORDERS_P99, Double.NaN)));
        }
        WaitForAsyncUtils.asyncFx(() -> chart.applyView(start, start + 60, 2.5, null)).get();
        awaitSettled();

        // the next seconds move the time axis (their points are held back until it has moved a few pixels)
        for (int second = 61; second <= 63; second++) {
            double to = start + second;
            WaitForAsyncUtils.asyncFx(() -> chart.applyView(to - 60, to, Double.NaN, null)).get();
            awaitSettled();
        }
    }

    @Test
    void aChartWithNoPointYetStopsDrawingOnceDrawn() throws Exception {
        double start = 1_780_000_000;
        for (int second = 0; second <= 2; second++) {
            double to = start + second;
            WaitForAsyncUtils.asyncFx(() -> chart.applyView(to - 60, to, Double.NaN, null)).get();
            awaitSettled();
        }
    }

    private void awaitSettled() {
        await("the chart drawn, and not asking to be drawn again for " + QUIET.toMillis() + " ms")
                .atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.nanoTime() - lastAsked.get() > QUIET.toNanos());
    }
}
