package org.opsconsole.console.ui.metrics;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.MetricsTick;
import org.opsconsole.console.metrics.SeriesKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One ChartFX chart in a titled card, built once and kept: no animation, a time axis, one
 * fixed-capacity circular data set per series (capacity = the time window in seconds), error bars
 * and markers off, point reduction on. It is fed one point per series per second on the FX thread,
 * and refilled from the history (under the data set's write lock) when the window changes or
 * charts resume after a pause.
 */
public final class MetricsChart extends VBox implements ChartFeed {

    private final String key;
    private final List<SeriesKey> series;
    private final List<String> seriesNames;
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("time");
    private final DefaultNumericAxis yAxis;
    private final FixedAxesRenderer renderer = new FixedAxesRenderer();
    private final XYChart chart;
    private final List<Label> latest = new ArrayList<>();
    private final FlowPane legend = new FlowPane(14, 2);
    private final Button png = new Button("PNG");
    private final Label readout = new Label();
    private final Label placeholder = new Label();
    private volatile List<CircularDoubleErrorDataSet> dataSets = List.of();
    private List<MetricsHistory.Mark> marksShown = List.of();
    private final javafx.scene.layout.Pane markLayer = new javafx.scene.layout.Pane();
    private int capacity;
    // how far the time axis moves in a second, as last drawn (read by the feeder thread)
    private volatile double pixelsPerSecond;
    // the last view asked for while off screen, set when the chart is shown again
    private View viewWhenShown;

    private record View(double from, double to, double highest, MetricsTick tick) {
    }

    /**
     * @param key         short id: the chart is "chart-" + key, its PNG button "export-png-" + key
     * @param title       the card's title
     * @param unit        the y axis unit
     * @param series      what it shows, in colour order
     * @param seriesNames legend names, same order
     */
    public MetricsChart(String key, String title, String unit, List<SeriesKey> series, List<String> seriesNames) {
        this.key = key;
        this.series = List.copyOf(series);
        this.seriesNames = List.copyOf(seriesNames);
        this.yAxis = new DefaultNumericAxis(unit);

        xAxis.setTimeAxis(true);
        // a time label centred on a tick within half a label of either end would be cut at the
        // card's edge ("8:29:15"): such ticks keep their mark and lose their label
        xAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                double span = xAxis.getMax() - xAxis.getMin();
                double width = xAxis.getWidth();
                double at = span <= 0 ? 0 : (value.doubleValue() - xAxis.getMin()) / span * width;
                // a blank of a label's height, not "": the axis keeps the height of its labels (a chart
                // first laid out on a hidden screen, all of its ticks at an edge, would leave no room for them)
                double room = halfLabelWidth() + 2;
                return width > 0 && (at < room || at > width - room) ? EDGE_BLANK
                        : AXIS_TIME.format(java.time.Instant.ofEpochMilli(Math.round(value.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        xAxis.setAutoRanging(false);
        xAxis.setName(null);
        xAxis.setUnit(null);
        yAxis.setName(unit);
        yAxis.setUnit(null);
        // the range is set from the data with some headroom (ChartFX's auto-range leaves none)
        yAxis.setAutoRanging(false);
        yAxis.set(0, 1);

        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPointReduction(true);
        // a few hundred points a series: handing their screen coordinates to a pool of threads and
        // waiting for them cost more than computing them here
        renderer.setParallelImplementation(false);
        renderer.setAllowNaNs(true);

        chart = new XYChart(xAxis, yAxis);
        chart.setId("chart-" + key);
        chart.setAnimated(false);
        chart.getRenderers().setAll(renderer);
        // the card draws its own legend, with each series' latest value (ChartFX's shows error-bar symbols)
        chart.setLegendVisible(false);
        chart.setToolBarPinned(false);
        chart.getToolBar().setVisible(false);
        chart.getToolBar().setManaged(false);
        // ChartFX caches its canvases as bitmaps; the plot and the time axis change every second,
        // so the cache would be rebuilt on every frame (twice the painting for nothing)
        chart.getCanvas().setCache(false);
        xAxis.getCanvas().setCache(false);
        // marks (a service stopped, started) are drawn over the plot; they never take the pointer
        markLayer.setMouseTransparent(true);
        markLayer.setManaged(false);
        javafx.scene.layout.Pane plot = chart.getPlotForeground();
        plot.getChildren().add(markLayer);
        javafx.beans.InvalidationListener followPlot = o -> {
            markLayer.resize(plot.getWidth(), plot.getHeight());
            placeMarks();
        };
        plot.widthProperty().addListener(followPlot);
        plot.heightProperty().addListener(followPlot);
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null && viewWhenShown != null) {
                View view = viewWhenShown;
                viewWhenShown = null;
                applyView(view.from(), view.to(), view.highest(), view.tick());
            }
        });
        chart.setMinHeight(120);
        chart.setPrefHeight(200);
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label name = new Label(title);
        name.getStyleClass().add("chart-card-title");
        name.setMinWidth(Region.USE_PREF_SIZE);
        png.setId("export-png-" + key);
        png.getStyleClass().addAll("small", "flat");
        png.setMinWidth(Region.USE_PREF_SIZE);
        png.setTooltip(new Tooltip("Save this chart as a PNG picture"));
        readout.setId("readout-" + key);
        readout.getStyleClass().add("chart-readout");
        // it takes the room left in the header and asks for none, so a long readout never widens the card
        readout.setMinWidth(0);
        readout.setPrefWidth(0);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        HBox.setHgrow(readout, Priority.ALWAYS);
        // filters: ChartFX's own handlers may consume the moves
        chart.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> readAt(e.getSceneX(), e.getSceneY()));
        chart.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> readout.setText(""));
        HBox header = new HBox(8, name, readout, png);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        legend.setId("legend-" + key);
        legend.getStyleClass().add("chart-card-legend");
        legend.setAlignment(javafx.geometry.Pos.CENTER);
        for (int i = 0; i < seriesNames.size(); i++) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("swatch", "swatch-" + (i + 1));
            Label label = new Label(seriesNames.get(i));
            label.setGraphic(swatch);
            label.getStyleClass().add("chart-card-value");
            latest.add(label);
            legend.getChildren().add(label);
        }

        placeholder.setId("placeholder-" + key);
        placeholder.getStyleClass().add("chart-placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        placeholder.setMinHeight(120);
        placeholder.setPrefHeight(200);
        VBox.setVgrow(placeholder, Priority.ALWAYS);
        showPlaceholder("");

        getStyleClass().addAll("chart-card", key + "-chart");
        getChildren().addAll(header, chart, placeholder, legend);
        resetData(60);
    }

    /**
     * A picture of the card at twice its size on screen (sharp when printed or zoomed), without its
     * PNG button. On the FX thread.
     */
    public javafx.scene.image.WritableImage picture() {
        javafx.scene.SnapshotParameters parameters = new javafx.scene.SnapshotParameters();
        parameters.setTransform(javafx.scene.transform.Transform.scale(2, 2));
        png.setVisible(false);
        try {
            return snapshot(parameters, null);
        } finally {
            png.setVisible(true);
        }
    }

    /** Explains series {@code index} in a tooltip on its legend entry (what "uncorrected" means, say). */
    public MetricsChart explain(int index, String text) {
        latest.get(index).setTooltip(new Tooltip(text));
        return this;
    }

    public String key() {
        return key;
    }

    public XYChart chart() {
        return chart;
    }

    public List<SeriesKey> series() {
        return series;
    }

    /** What the PNG button does. */
    public void setOnExportPng(Consumer<MetricsChart> action) {
        png.setOnAction(e -> action.accept(this));
    }

    /**
     * Adds this second's point to every series; on the feeder thread, never the FX thread (ChartFX
     * read-locks data sets across its layout; a write from the FX thread can wait on itself).
     *
     * @return the highest value now held, for the value axis; NaN when the row was already there
     */
    @Override
    public double appendData(MetricsTick tick) {
        List<CircularDoubleErrorDataSet> current = dataSets;
        CircularDoubleErrorDataSet first = current.getFirst();
        boolean duplicate = first.lock().readLockGuard(() ->
                first.getDataCount() > 0 && first.get(0, first.getDataCount() - 1) >= tick.epochSeconds());
        if (duplicate) {
            return Double.NaN; // already there: the history was reloaded after this row was recorded
        }
        for (int i = 0; i < series.size(); i++) {
            current.get(i).add(tick.epochSeconds(), tick.value(series.get(i)), 0, 0);
        }
        return highest(current);
    }

    /** Replaces every point with the rows of {@code slice}; on the feeder thread. Returns the highest value. */
    @Override
    public double fillData(MetricsHistory.Slice slice) {
        List<CircularDoubleErrorDataSet> current = dataSets;
        double[] times = slice.times();
        for (int i = 0; i < series.size(); i++) {
            CircularDoubleErrorDataSet dataSet = current.get(i);
            double[] values = slice.column(series.get(i));
            dataSet.lock().writeLockGuard(() -> {
                dataSet.reset();
                for (int row = 0; row < times.length; row++) {
                    dataSet.add(times[row], values[row], 0, 0);
                }
            });
        }
        return highest(current);
    }

    /** Gives the chart fresh, empty data sets holding {@code capacity} points each; on the FX thread. */
    @Override
    public void resetData(int capacity) {
        if (!dataSets.isEmpty() && this.capacity == capacity) {
            return; // the feeder's fill resets them
        }
        this.capacity = capacity;
        List<CircularDoubleErrorDataSet> next = new ArrayList<>();
        for (String name : seriesNames) {
            next.add(new CircularDoubleErrorDataSet(name, capacity));
        }
        dataSets = List.copyOf(next);
        renderer.getDatasets().setAll(dataSets);
    }

    /**
     * Shows [from, to] (epoch seconds) and zero to a round number above {@code highest}, so lines
     * never touch the top; with a tick, its values go to the legend. On the FX thread.
     */
    @Override
    public void applyView(double from, double to, double highest, MetricsTick tick) {
        if (getScene() == null) {
            // off screen (another screen shows): axes and legend are set once it is shown again,
            // to the last view asked for, instead of every second for nobody
            double top = Double.isNaN(highest) && viewWhenShown != null ? viewWhenShown.highest() : highest;
            MetricsTick latestTick = tick == null && viewWhenShown != null ? viewWhenShown.tick() : tick;
            viewWhenShown = new View(from, to, top, latestTick);
            return;
        }
        xAxis.set(from, to);
        pixelsPerSecond = to > from ? xAxis.getWidth() / (to - from) : 0;
        // ChartFX spaces a time axis's ticks for labels two font sizes wide; "14:03:07" is wider, and
        // on a narrow chart over a short span they ran into each other ("14:03:0514:03:07"): there, at
        // most as many as fit with a little room (a seventh of a label) between two. Over minutes its own spacing
        // stays (capped, a narrow five-minute chart jumped from a tick a minute to none)
        int labels = to - from <= SHORT_SPAN_SECONDS && xAxis.getWidth() > 0
                ? Math.max(2, (int) (xAxis.getWidth() / (2.3 * halfLabelWidth())))
                : defaultTickLabels;
        if (labels != xAxis.getMaxMajorTickLabelCount()) {
            xAxis.setMaxMajorTickLabelCount(labels);
        }
        // ChartFX keeps a tick's label while the tick values stay the same, only moving it: on a
        // time axis that scrolls by a second, the label must be made again, or one computed away
        // from an edge is drawn cut at it seconds later
        xAxis.getBitState().setDirty(io.fair_acc.dataset.events.ChartBits.AxisTickLabelText);
        placeMarks();
        if (!Double.isNaN(highest)) {
            double top = niceCeiling(highest * 1.1);
            if (top != yAxis.getMax() || yAxis.getMin() != 0) {
                yAxis.set(0, top);
            }
        }
        if (tick != null) {
            showLatest(tick);
        }
    }

    /** How far the time axis moves in a second as last drawn; 0 before the chart was laid out. On any thread. */
    @Override
    public double pixelsPerSecond() {
        return pixelsPerSecond;
    }

    /**
     * The hover readout: under the pointer's time, each series' value at the nearest second it has,
     * e.g. "14:03:07   p50 3.1   p95 8.4"; nothing outside the plot.
     */
    private void readAt(double sceneX, double sceneY) {
        double x = xAxis.sceneToLocal(sceneX, sceneY).getX();
        if (x < 0 || x > xAxis.getWidth() || dataSets.isEmpty()) {
            readout.setText("");
            return;
        }
        double time = xAxis.getValueForDisplay(x);
        StringBuilder text = new StringBuilder(READOUT_TIME.format(java.time.Instant.ofEpochMilli(Math.round(time * 1000))));
        boolean any = false;
        for (int i = 0; i < dataSets.size(); i++) {
            double value = nearest(dataSets.get(i), time);
            any |= !Double.isNaN(value);
            text.append("   ").append(seriesNames.get(i)).append(' ').append(Double.isNaN(value) ? "–" : format(value));
        }
        readout.setText(any ? text.toString() : READOUT_TIME.format(java.time.Instant.ofEpochMilli(Math.round(time * 1000))) + "   no data");
    }

    /** The widest time label, measured in the axis's own font (themes and platforms differ). */
    private static final String WIDEST_TIME = "00:00:00";
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text(WIDEST_TIME);
    /** Spans up to this long have their time labels spaced by their width (see {@link #applyView}). */
    private static final double SHORT_SPAN_SECONDS = 120;
    private final int defaultTickLabels = xAxis.getMaxMajorTickLabelCount();
    /** What a tick too near an edge shows: a figure space, as tall as a label and invisible. */
    static final String EDGE_BLANK = "\u2007";

    private static final java.time.format.DateTimeFormatter AXIS_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    private static final java.time.format.DateTimeFormatter READOUT_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** The value at the point nearest {@code time} (within two seconds), NaN when there is none. */
    private static double nearest(CircularDoubleErrorDataSet dataSet, double time) {
        return dataSet.lock().readLockGuard(() -> {
            double best = Double.NaN;
            double bestDistance = 2;
            for (int i = 0; i < dataSet.getDataCount(); i++) {
                double distance = Math.abs(dataSet.get(0, i) - time);
                if (distance <= bestDistance) {
                    bestDistance = distance;
                    best = dataSet.get(1, i);
                }
            }
            return best;
        });
    }

    /** What the hover readout says now: empty while the pointer is not over the plot. */
    public String readoutText() {
        return readout.getText();
    }

    /**
     * Shows {@code text} in place of the plot (nothing to chart yet, e.g. before the first load run),
     * or the plot again for an empty text. On the FX thread.
     */
    public void showPlaceholder(String text) {
        boolean instead = !text.isEmpty();
        placeholder.setText(text);
        placeholder.setVisible(instead);
        placeholder.setManaged(instead);
        chart.setVisible(!instead);
        chart.setManaged(!instead);
        legend.setVisible(!instead);
    }

    /** A labelled vertical line at each mark in the window ("users stopped"); rebuilt only when they change. */
    @Override
    public void showMarks(List<MetricsHistory.Mark> marks) {
        if (!marks.equals(marksShown)) {
            marksShown = List.copyOf(marks);
            markLayer.getChildren().clear();
            // every line first, then every label: a label stays readable where a later mark's line crosses it
            List<Label> labels = new ArrayList<>();
            for (MetricsHistory.Mark mark : marks) {
                javafx.scene.shape.Line line = new javafx.scene.shape.Line();
                line.getStyleClass().add("chart-mark-line");
                Label text = new Label(mark.text());
                text.getStyleClass().add("chart-mark-label");
                markLayer.getChildren().add(line);
                labels.add(text);
            }
            markLayer.getChildren().addAll(labels);
        }
        placeMarks();
    }

    /** Puts each mark's line and label where its time is on the axis now; hidden outside the plot. */
    private void placeMarks() {
        double height = markLayer.getHeight();
        for (int i = 0; i < marksShown.size(); i++) {
            javafx.scene.shape.Line line = (javafx.scene.shape.Line) markLayer.getChildren().get(i);
            Label text = (Label) markLayer.getChildren().get(marksShown.size() + i);
            double onAxis = xAxis.getDisplayPosition(marksShown.get(i).epochSeconds());
            double x = markLayer.sceneToLocal(xAxis.localToScene(onAxis, 0)).getX();
            boolean inside = x >= 0 && x <= markLayer.getWidth();
            line.setVisible(inside);
            text.setVisible(inside);
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(0);
            line.setEndY(height);
            text.relocate(x + 3, 2 + (i % 3) * 14);
        }
    }

    /** The marks drawn now, by their text. */
    public List<String> marksShown() {
        return marksShown.stream().map(MetricsHistory.Mark::text).toList();
    }

    /** Points that are real numbers, over all series: what tests check after traffic. */
    public int valuedPoints() {
        int count = 0;
        for (CircularDoubleErrorDataSet dataSet : dataSets) {
            count += dataSet.lock().readLockGuard(() -> {
                int valued = 0;
                for (int i = 0; i < dataSet.getDataCount(); i++) {
                    if (!Double.isNaN(dataSet.get(1, i))) {
                        valued++;
                    }
                }
                return valued;
            });
        }
        return count;
    }

    private static double highest(List<CircularDoubleErrorDataSet> sets) {
        double max = 0;
        for (CircularDoubleErrorDataSet dataSet : sets) {
            max = Math.max(max, dataSet.lock().readLockGuard(() -> {
                double m = 0;
                for (int i = 0; i < dataSet.getDataCount(); i++) {
                    double y = dataSet.get(1, i);
                    if (y > m && !Double.isInfinite(y)) {
                        m = y;
                    }
                }
                return m;
            }));
        }
        return max;
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least {@code value}; 1 for nothing. */
    public static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value * (1 - 1e-12)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private void showLatest(MetricsTick tick) {
        for (int i = 0; i < series.size(); i++) {
            double value = tick.value(series.get(i));
            latest.get(i).setText(seriesNames.get(i) + "  " + (Double.isNaN(value) ? "–" : format(value)));
        }
    }

    /** The legend's text, e.g. "users  12.5   orders  3": what the operator reads as the latest values. */
    public String legendText() {
        return String.join("   ", latest.stream().map(Label::getText).toList());
    }

    static String format(double value) {
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    /** Half the width of a time label as the axis draws it: a tick nearer an edge than this loses its label. */
    private double halfLabelWidth() {
        measure.setFont(xAxis.getTickLabelStyle().getFont());
        return measure.getLayoutBounds().getWidth() / 2;
    }
}
