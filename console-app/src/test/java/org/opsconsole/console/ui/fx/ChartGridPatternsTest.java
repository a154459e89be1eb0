package org.opsconsole.console.ui.fx;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.MetricsTick;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.ui.metrics.MetricsChart;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chart's grid patterns, made once per line style with a scene and a snapshot of their own, stay
 * made after a garbage collection: ChartFX's own cache lost them on each.
 */
@ExtendWith(ApplicationExtension.class)
class ChartGridPatternsTest {

    private static final SeriesKey USERS_RPS = new SeriesKey("users", Metric.REQUESTS_PER_SECOND);
    private MetricsChart chart;

    @Start
    void start(Stage stage) {
        chart = new MetricsChart("grid", "Requests per second", "req/s", List.of(USERS_RPS), List.of("users"));
        Scene scene = new Scene(new StackPane(chart), 640, 320);
        // as the console's window does
        scene.addPostLayoutPulseListener(ChartGridPatterns::holdKeys);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theGridPatternsOfADrawnChartAreNotMadeAgainAfterAGarbageCollection() throws Exception {
        double start = 1_780_000_000;
        for (int second = 0; second < 3; second++) {
            drawSecond(start + second);
        }
        List<Object> drawn = WaitForAsyncUtils.asyncFx(ChartGridPatterns::patterns).get();
        assertThat(drawn).as("the grid patterns ChartFX cached (null: it keeps its cache elsewhere now)").isNotEmpty();

        collectGarbage();
        collectGarbage();
        drawSecond(start + 3);

        // the same pattern objects: none was made again (a scene and a snapshot each)
        assertThat(WaitForAsyncUtils.asyncFx(ChartGridPatterns::patterns).get())
                .hasSameSizeAs(drawn).allSatisfy(pattern -> assertThat(drawn).anyMatch(p -> p == pattern));
    }

    private void drawSecond(double at) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> chart.applyView(at - 60, at, 10, new MetricsTick(at, Map.of(USERS_RPS, at % 7)))).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A full collection, and its cleared weak references handed on: the weak map sees its lost keys
     * only then. Twice in a row makes sure the first collection's were all handed on.
     */
    private static void collectGarbage() throws InterruptedException {
        java.lang.ref.ReferenceQueue<Object> queue = new java.lang.ref.ReferenceQueue<>();
        java.lang.ref.WeakReference<Object> probe = new java.lang.ref.WeakReference<>(new Object(), queue);
        System.gc();
        assertThat(queue.remove(30_000)).as("a garbage collection ran").isSameAs(probe);
    }
}
