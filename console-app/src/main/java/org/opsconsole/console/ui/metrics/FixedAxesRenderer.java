package org.opsconsole.console.ui.metrics;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;

/**
 * ChartFX's line renderer for charts whose axes are set by hand (never auto-ranged): it gives no
 * data range to an axis that does not range itself.
 *
 * <p>Why: before each frame ChartFX (11.3.1) asks the renderer for its data sets' range on every
 * axis, and the renderer recomputes the range of a data set that has none. A series with no value
 * in it (empty, or every point NaN: a service's latency while nobody calls it) never gets one, and
 * each recomputation stores NaN as its minimum, which compares unequal to the NaN stored before and
 * so marks the data set changed, which asks for another frame. An idle console drew such a chart
 * 30 times a second for seconds at a time: its window thread woke 25-200 times a second instead of
 * a few. (ChartFX's own fix, after 11.3.1, skips empty data sets only.) The data sets' own ranges
 * are still computed when their data change; nothing here reads them.
 */
public class FixedAxesRenderer extends ErrorDataSetRenderer {

    @Override
    public void updateAxisRange(Axis axis, AxisRange range) {
        if (axis.isAutoRanging() || axis.isAutoGrowRanging()) {
            super.updateAxisRange(axis, range);
        }
    }
}
