package org.opsconsole.console.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the console remembers between runs (java.util.prefs): window size and place, last screen,
 * theme. Tests use their own node and remove it afterwards.
 */
public final class ConsolePreferences {

    public static final String DEFAULT_NODE = "org/opsconsole/console";

    /** Window geometry; NaN position means "let the system place it". */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences node;

    private ConsolePreferences(Preferences node) {
        this.node = node;
    }

    public static ConsolePreferences user() {
        return forNode(DEFAULT_NODE);
    }

    public static ConsolePreferences forNode(String path) {
        return new ConsolePreferences(Preferences.userRoot().node(path));
    }

    public WindowBounds window(double defaultWidth, double defaultHeight) {
        return new WindowBounds(node.getDouble("window.x", Double.NaN), node.getDouble("window.y", Double.NaN),
                node.getDouble("window.width", defaultWidth), node.getDouble("window.height", defaultHeight),
                node.getBoolean("window.maximized", false));
    }

    public void saveWindow(WindowBounds bounds) {
        node.putDouble("window.x", bounds.x());
        node.putDouble("window.y", bounds.y());
        node.putDouble("window.width", bounds.width());
        node.putDouble("window.height", bounds.height());
        node.putBoolean("window.maximized", bounds.maximized());
    }

    public Screen lastScreen() {
        return Screen.byName(node.get("screen", Screen.SERVICES.name()), Screen.SERVICES);
    }

    public void saveLastScreen(Screen screen) {
        node.put("screen", screen.name());
    }

    /** The Metrics screen's time window in minutes (1, 5 or 15). */
    public int metricsWindowMinutes() {
        int minutes = node.getInt("metrics.window", 5);
        return minutes == 1 || minutes == 15 ? minutes : 5;
    }

    public void saveMetricsWindowMinutes(int minutes) {
        node.putInt("metrics.window", minutes);
    }

    public Theme theme() {
        return "DARK".equals(node.get("theme", "LIGHT")) ? Theme.DARK : Theme.LIGHT;
    }

    public void saveTheme(Theme theme) {
        node.put("theme", theme.name());
    }

    /** Writes to the backing store now; failures are not worth bothering the operator with. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // preferences are a convenience
        }
    }

    /** Removes this node (tests). */
    public void remove() {
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }
}
