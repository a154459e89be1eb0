package org.opsconsole.console.ui.metrics;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
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
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final XYChart chart;
    private final List<Label> latest = new ArrayList<>();
    private final FlowPane legend = new FlowPane(14, 2);
    private final Button png = new Button("PNG");
    private volatile List<CircularDoubleErrorDataSet> dataSets = List.of();
    private int capacity;

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
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, name, grow, png);
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

        getStyleClass().addAll("chart-card", key + "-chart");
        getChildren().addAll(header, chart, legend);
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
        xAxis.set(from, to);
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
    static double niceCeiling(double value) {
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
}
