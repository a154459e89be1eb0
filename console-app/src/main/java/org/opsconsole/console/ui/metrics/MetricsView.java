package org.opsconsole.console.ui.metrics;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.ui.fx.SaveDialog;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The Metrics screen: six charts (requests/s, latency percentiles, errors/s, heap, threads, DB
 * pool), each with one line per service, a time window choice, pause, and exports.
 */
public final class MetricsView extends VBox {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final MetricsViewModel model;
    private final Supplier<List<String>> seriesNow;
    private final BooleanSupplier oneJvmNow;
    private final GridPane grid = new GridPane();
    private final List<MetricsChart> charts = new ArrayList<>();
    private List<String> services;
    private boolean oneJvm;

    /**
     * @param series the series to chart, in order, as they are now (services come and go)
     * @param oneJvm true while every service runs in this window's process (their heap and threads are the same)
     */
    public MetricsView(MetricsViewModel model, Supplier<List<String>> series, BooleanSupplier oneJvm) {
        this.model = model;
        this.seriesNow = series;
        this.oneJvmNow = oneJvm;
        createView();
    }

    /** Charts the series as they are now, when a service was added or removed; on the FX thread. */
    public void showSeries() {
        List<String> now = seriesNow.get();
        if (now.equals(services) && oneJvm == oneJvmNow.getAsBoolean()) {
            return;
        }
        charts.forEach(model::removeChart);
        charts.clear();
        grid.getChildren().clear();
        addCharts();
    }

    private void addCharts() {
        services = seriesNow.get();
        oneJvm = oneJvmNow.getAsBoolean();
        charts.addAll(createCharts());
        for (int i = 0; i < charts.size(); i++) {
            MetricsChart chart = charts.get(i);
            chart.setOnExportPng(this::exportPng);
            model.addChart(chart);
            grid.add(chart, i % 2, i / 2);
        }
    }

    public MetricsViewModel model() {
        return model;
    }

    private void createView() {
        getStyleClass().add("screen");
        Label title = new Label("Metrics");
        title.getStyleClass().add("screen-title");

        ToggleGroup windows = new ToggleGroup();
        HBox windowButtons = new HBox();
        for (int i = 0; i < MetricsViewModel.WINDOWS_MINUTES.length; i++) {
            int minutes = MetricsViewModel.WINDOWS_MINUTES[i];
            ToggleButton button = new ToggleButton(minutes + " min");
            button.setId("window-" + minutes);
            button.setToggleGroup(windows);
            button.getStyleClass().add(i == 0 ? "left-pill" : i == MetricsViewModel.WINDOWS_MINUTES.length - 1 ? "right-pill" : "center-pill");
            button.setSelected(minutes == model.windowMinutesProperty().get());
            button.setOnAction(e -> {
                if (button.isSelected()) {
                    model.windowMinutesProperty().set(minutes);
                } else {
                    button.setSelected(true);
                }
            });
            windowButtons.getChildren().add(button);
        }
        model.windowMinutesProperty().addListener((obs, was, now) -> windowButtons.getChildren().forEach(node ->
                ((ToggleButton) node).setSelected(node.getId().equals("window-" + now.intValue()))));

        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pause-charts");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(model.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        pause.setTooltip(new Tooltip("Freeze the charts; history keeps recording"));

        Button csv = new Button("Export CSV…");
        csv.setId("export-csv");
        csv.setTooltip(new Tooltip("Save the visible time window of every series as CSV"));
        csv.setOnAction(e -> SaveDialog.choose(this, "Export metrics as CSV", "metrics-" + FILE_TIME.format(LocalDateTime.now()) + ".csv",
                "CSV", "csv").ifPresent(model::exportCsv));

        Label updated = new Label();
        updated.setId("metrics-updated");
        updated.getStyleClass().add("placeholder-text");
        updated.textProperty().bind(model.lastUpdateProperty());
        Label message = new Label();
        message.setId("metrics-message");
        message.textProperty().bind(model.messageProperty());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, grow, message, updated, new Label("Window"), windowButtons, pause, csv);
        toolbar.getStyleClass().add("toolbar-row");

        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(0));
        for (int c = 0; c < 2; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < 3; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / 3);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        addCharts();
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(toolbar, grid);
    }

    private List<MetricsChart> createCharts() {
        List<MetricsChart> charts = new ArrayList<>();
        charts.add(perService("requests", "Requests per second", "req/s", Metric.REQUESTS_PER_SECOND));
        List<SeriesKey> latency = new ArrayList<>();
        List<String> latencyNames = new ArrayList<>();
        for (String service : services) {
            for (Metric metric : List.of(Metric.LATENCY_P50, Metric.LATENCY_P95, Metric.LATENCY_P99)) {
                latency.add(new SeriesKey(service, metric));
                latencyNames.add(service + " " + metric.label().substring("latency ".length()));
            }
        }
        charts.add(new MetricsChart("latency", "Latency per second", "ms", latency, latencyNames));
        List<SeriesKey> errors = new ArrayList<>();
        List<String> errorNames = new ArrayList<>();
        for (String service : services) {
            errors.add(new SeriesKey(service, Metric.CLIENT_ERRORS_PER_SECOND));
            errorNames.add(service + " 4xx");
            errors.add(new SeriesKey(service, Metric.SERVER_ERRORS_PER_SECOND));
            errorNames.add(service + " 5xx");
        }
        charts.add(new MetricsChart("errors", "Errors per second", "err/s", errors, errorNames));
        charts.add(perProcess("heap", "Heap used", "MiB", Metric.HEAP_USED_MB));
        charts.add(perProcess("threads", "Live threads", "threads", Metric.LIVE_THREADS));
        charts.add(perService("pool", "DB connections in use", "conn", Metric.DB_POOL_ACTIVE));
        return charts;
    }

    /**
     * A figure of the JVM: one line per service, or, while every service runs in this window's
     * process, one line for that process (both services would report the same JVM).
     */
    private MetricsChart perProcess(String key, String title, String unit, Metric metric) {
        if (!oneJvm) {
            return perService(key, title, unit, metric);
        }
        return new MetricsChart(key, title + " (this console's JVM, both services in it)", unit,
                List.of(new SeriesKey(services.getFirst(), metric)), List.of("console JVM"));
    }

    private MetricsChart perService(String key, String title, String unit, Metric metric) {
        return new MetricsChart(key, title, unit,
                services.stream().map(s -> new SeriesKey(s, metric)).toList(), services);
    }

    private void exportPng(MetricsChart chart) {
        SaveDialog.choose(this, "Save chart as PNG", chart.key() + "-" + FILE_TIME.format(LocalDateTime.now()) + ".png",
                "PNG picture", "png").ifPresent(file -> savePng(chart, file));
    }

    /** Saves a picture of {@code chart} as it is shown now: the snapshot here, on the FX thread, the file off it. */
    public java.util.concurrent.CompletableFuture<Path> savePng(MetricsChart chart, Path file) {
        return model.savePng(javafx.embed.swing.SwingFXUtils.fromFXImage(chart.picture(), null), file);
    }
}
