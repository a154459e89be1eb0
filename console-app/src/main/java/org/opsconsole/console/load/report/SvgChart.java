package org.opsconsole.console.load.report;

import java.util.List;
import java.util.Locale;

/** A line chart as inline SVG for the HTML reports: lines of (x, y) points from 0, a grid, a legend. */
public final class SvgChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;

    /**
     * One line: its points in x order; dashed (a prediction, say) and with a dot on each point
     * (measured values) as asked.
     */
    public record Line(String name, String color, List<double[]> points, boolean dashed, boolean dots) {

        public static Line of(String name, String color, List<double[]> points) {
            return new Line(name, color, points, false, false);
        }
    }

    private SvgChart() {
    }

    /** Appends the chart of {@code lines} to {@code h}; x labels carry {@code xUnit}. */
    public static void draw(StringBuilder h, String xUnit, List<Line> lines) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        double maxX = 0;
        double maxY = 0;
        for (Line line : lines) {
            for (double[] p : line.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxX = Math.max(1, maxX);
        maxY = niceCeiling(maxY);
        h.append("<svg width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT + 20)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT + 20)
                .append("\" role=\"img\" font-family=\"system-ui,sans-serif\" font-size=\"11\">");
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4.0;
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d7de\"/>",
                    LEFT, y, LEFT + plotW, y));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#656d76\">%s</text>",
                    LEFT - 6, y + 4, ReportText.figure(maxY * i / 4)));
        }
        for (int i = 0; i <= 5; i++) {
            double x = LEFT + plotW * i / 5.0;
            double value = maxX >= 5 ? Math.round(maxX * i / 5.0) : Math.round(maxX * i / 5.0 * 10) / 10.0;
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#656d76\">%s%s</text>",
                    x, TOP + plotH + 16, ReportText.figure(value), HtmlReport.esc(xUnit)));
        }
        for (Line line : lines) {
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (double[] p : line.points()) {
                double x = LEFT + plotW * p[0] / maxX;
                double y = TOP + plotH - (maxY == 0 ? 0 : plotH * p[1] / maxY);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                if (line.dots()) {
                    dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", x, y, line.color()));
                }
            }
            h.append("<polyline fill=\"none\" stroke-width=\"2\"").append(line.dashed() ? " stroke-dasharray=\"6 4\"" : "")
                    .append(" stroke=\"").append(line.color()).append("\" points=\"").append(points.toString().trim())
                    .append("\"><title>").append(HtmlReport.esc(line.name())).append("</title></polyline>").append(dots);
        }
        int lx = LEFT;
        for (Line line : lines) {
            h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>",
                    lx, HEIGHT + 6, line.color()));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#1f2328\">%s</text>", lx + 16, HEIGHT + 12,
                    HtmlReport.esc(line.name())));
            lx += 30 + 7 * line.name().length();
        }
        h.append("</svg>\n");
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (value <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
