package org.opsconsole.console.ui.metrics;

import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.MetricsTick;

/**
 * What a model feeds a chart the screen built: points off the FX thread, the view (time span,
 * value range, legend) on it. The model holds these, never the chart itself.
 */
public interface ChartFeed {

    /** Adds this second's point to every series, off the FX thread; answers the highest value held (NaN: already there). */
    double appendData(MetricsTick tick);

    /** Replaces every point with the rows of {@code slice}, off the FX thread; answers the highest value. */
    double fillData(MetricsHistory.Slice slice);

    /** Fresh, empty data for {@code capacity} points a series; on the FX thread. */
    void resetData(int capacity);

    /** Shows [from, to] and zero to above {@code highest}; with a tick, its values in the legend. On the FX thread. */
    void applyView(double from, double to, double highest, MetricsTick tick);

    /** How far the time axis moves in a second as last drawn (0: not known yet); on any thread. */
    double pixelsPerSecond();

    /** Draws a line where each of {@code marks} happened (a service stopped, started); on the FX thread. */
    default void showMarks(java.util.List<MetricsHistory.Mark> marks) {
    }
}
