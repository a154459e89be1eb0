package org.opsconsole.console.ui.metrics;

/**
 * When a scrolling chart is worth drawing again. A chart gets a point a second, but on a five- or
 * fifteen-minute window a second moves its time axis by a pixel or less: drawing it every second
 * repainted the whole plot (in software on most Linux desktops) for a change nobody sees. A chart is
 * drawn again once its axis has moved by {@link #STEP_PIXELS} since it was last drawn, and at least
 * every {@link #MAX_SECONDS}; on a one-minute window that is every second, as before. The seconds in
 * between are held by the caller and drawn together. Used on one thread (a chart feeder).
 */
public final class RedrawCadence {

    /** How far the time axis moves between two draws, at the least. */
    public static final double STEP_PIXELS = 2.5;
    /** The longest a chart goes without being drawn while points come. */
    public static final double MAX_SECONDS = 5;

    private double drawnAt = Double.NaN;

    /**
     * Whether a chart whose newest point is at {@code at} (epoch seconds) is drawn now; if so, that
     * point is taken as drawn.
     *
     * @param pixelsPerSecond how far the time axis moves in a second; 0 or less when not known yet
     *                        (not laid out): then every point is drawn
     */
    public boolean due(double at, double pixelsPerSecond) {
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
