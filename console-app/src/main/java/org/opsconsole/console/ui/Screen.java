package org.opsconsole.console.ui;

import javafx.scene.input.KeyCode;

/**
 * The console's screens, in navigation order; Ctrl+1 to Ctrl+6 open them. Each screen's view is
 * built in {@link ScreenViews}.
 */
public enum Screen {
    SERVICES("Services", KeyCode.DIGIT1),
    METRICS("Metrics", KeyCode.DIGIT2),
    DATA("Data", KeyCode.DIGIT3),
    LOAD("Load", KeyCode.DIGIT4),
    LOGS("Logs", KeyCode.DIGIT5),
    EVENTS("Events", KeyCode.DIGIT6);

    private final String title;
    private final KeyCode key;

    Screen(String title, KeyCode key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    /** The digit that opens it with Ctrl (Cmd on macOS). */
    public KeyCode key() {
        return key;
    }

    /** Stable id of its navigation button: "nav-services", "nav-metrics", ... */
    public String navId() {
        return "nav-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Stable id of its view's root node: "screen-services", ... */
    public String viewId() {
        return "screen-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Screen byName(String name, Screen fallback) {
        for (Screen screen : values()) {
            if (screen.name().equalsIgnoreCase(name)) {
                return screen;
            }
        }
        return fallback;
    }
}
