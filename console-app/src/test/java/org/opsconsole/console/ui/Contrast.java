package org.opsconsole.console.ui;

import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** What a person can tell apart on screen: WCAG contrast between colours, a region's own fill. */
final class Contrast {

    private Contrast() {
    }

    /** The topmost opaque fill of a cell or row (white when it paints none). */
    static Color background(Region region) {
        Background background = region.getBackground();
        if (background != null && !background.getFills().isEmpty()) {
            var fill = background.getFills().getLast().getFill();
            if (fill instanceof Color c && c.getOpacity() > 0) {
                return c;
            }
        }
        return Color.WHITE;
    }

    /** WCAG contrast ratio, 1 (same) to 21 (black on white). */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
