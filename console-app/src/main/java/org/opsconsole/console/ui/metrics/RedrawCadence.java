package org.opsconsole.console.ui.metrics;

import org.opsconsole.console.metrics.MetricsTick;

import java.util.ArrayList;
import java.util.List;

/**
 * When a scrolling chart is worth drawing again. A chart gets a point a second, but on a five- or
 * fifteen-minute window a second moves its time axis by a pixel or less: drawing it every second
 * repainted the whole plot (in software on most Linux desktops) for a change nobody sees. A chart is
 * drawn again once its axis has moved by {@link #STEP_PIXELS} since it was last drawn, and at least
 * every {@link #MAX_SECONDS}; on a one-minute window that is every second, as before. The seconds in
 * between are held here and drawn together. Used on one thread (a chart feeder).
 *
 * <p>Four pixels: in the console's default window a chart's plot is about 410 pixels wide, so on
 * the default five-minute window a second moves its axis 1.4 pixels; at 2.5 the six charts were drawn
 * every other second, at 4 every third. Idle on the Metrics screen from 75 s after start, by thread
 * over 30 s: Prism's renderer 0.77 % of a core at 2.5 pixels, 0.47-0.50 % at 4; the whole console
 * 3.0 % and 2.8 % (the one-minute window, drawn every second: 5.2 %; fifteen minutes: 2.2 %).
 */
public final class RedrawCadence {

    /** How far the time axis moves between two draws, at the least. */
    public static final double STEP_PIXELS = 4;
    /** The longest a chart goes without being drawn while points come. */
    public static final double MAX_SECONDS = 5;

    private double drawnAt = Double.NaN;
    private final List<MetricsTick> held = new ArrayList<>();

    /**
     * Takes this second's row; answers the rows to draw now (those held and this one, oldest first),
     * or none while the time axis has not moved far enough.
     *
     * @param pixelsPerSecond how far the charts' time axis moves in a second; 0 or less when not
     *                        known yet (not laid out): then every second is drawn
     */
    public List<MetricsTick> offer(MetricsTick tick, double pixelsPerSecond) {
        held.add(tick);
        if (!due(tick.epochSeconds(), pixelsPerSecond)) {
            return List.of();
        }
        List<MetricsTick> rows = List.copyOf(held);
        held.clear();
        return rows;
    }

    /** Forgets the rows held (the charts were paused: the history keeps them). */
    public void dropHeld() {
        held.clear();
    }

    /** How far the widest of {@code charts}' time axes moves in a second (0: none laid out yet). */
    public static double pixelsPerSecond(List<? extends ChartFeed> charts) {
        return charts.stream().mapToDouble(ChartFeed::pixelsPerSecond).max().orElse(0);
    }

    /** Appends {@code rows} to {@code chart}; answers the highest value it then holds, NaN when none was new. */
    public static double append(ChartFeed chart, List<MetricsTick> rows) {
        double highest = Double.NaN;
        for (MetricsTick row : rows) {
            double top = chart.appendData(row);
            if (!Double.isNaN(top)) {
                highest = top;
            }
        }
        return highest;
    }

    /** Whether a chart whose newest point is at {@code at} (epoch seconds) is drawn now; if so, it is taken as drawn. */
    private boolean due(double at, double pixelsPerSecond) {
        double since = at - drawnAt;
        boolean due = Double.isNaN(drawnAt) || since < 0 || !(pixelsPerSecond > 0)
                || since >= MAX_SECONDS || since * pixelsPerSecond >= STEP_PIXELS;
        if (due) {
            drawnAt = at;
        }
        return due;
    }

    /** The next point is drawn whatever its time (the charts were refilled, a mark appeared). */
    public void drawNext() {
        drawnAt = Double.NaN;
    }
}
