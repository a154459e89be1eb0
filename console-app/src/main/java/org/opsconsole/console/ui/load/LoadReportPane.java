package org.opsconsole.console.ui.load;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.Percentiles;
import org.opsconsole.console.ui.fx.SaveDialog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report of the last run (or of an opened saved run): summary, latency, operations, exports. */
final class LoadReportPane extends VBox {

    /** A latency row: corrected or uncorrected. */
    record LatencyRow(String kind, Percentiles p) {
    }

    /** Rows of the operations table kept in sight however short the window (a mix has up to six). */
    private static final int OPERATION_ROWS_KEPT = 6;
    private static final int HEADER_HEIGHT = 28;

    private final LoadViewModel model;

    LoadReportPane(LoadViewModel model) {
        this.model = model;
        setSpacing(10);
        getStyleClass().add("load-report");

        Label summary = new Label("No report yet: start a run, or open a saved one.");
        summary.setId("load-report-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("load-report-summary");

        TableView<LatencyRow> latency = new TableView<>();
        latency.setId("load-report-latency");
        latency.getColumns().add(column("latency-kind", "latency ms", 110, LatencyRow::kind));
        for (String p : List.of("p50", "p90", "p99", "p999", "max", "mean")) {
            latency.getColumns().add(column("latency-" + p, p.equals("p999") ? "p99.9" : p, 80,
                    r -> ms(r.p().get(p))));
        }
        fitted(latency);
        latency.getStyleClass().add("dense");
        latency.setFixedCellSize(26);
        // header, two rows and the horizontal scroll bar, without a vertical one
        latency.setPrefHeight(26 * 2 + 60);
        latency.setMinHeight(26 * 2 + 60);
        latency.setMaxHeight(26 * 2 + 60);

        TableView<LoadReport.OperationReport> operations = new TableView<>();
        operations.setId("load-report-operations");
        operations.getStyleClass().add("dense");
        operations.getColumns().addAll(List.of(
                column("op-name", "operation", 120, LoadReport.OperationReport::name),
                column("op-count", "count", 64, o -> Long.toString(o.count())),
                column("op-rate", "rate/s", 66, o -> fmt(o.rate(), 1)),
                column("op-p50", "p50", 72, o -> ms(o.p50Ms())),
                column("op-p90", "p90", 72, o -> ms(o.p90Ms())),
                column("op-p99", "p99", 72, o -> ms(o.p99Ms())),
                column("op-p999", "p99.9", 76, o -> ms(o.p999Ms())),
                column("op-max", "max", 76, o -> ms(o.maxMs())),
                column("op-errors", "errors", 90, o -> o.errorCount() + kinds(o.errors()))));
        fitted(operations);
        operations.setPlaceholder(new Label("No operations"));
        operations.setFixedCellSize(26);
        // a short window keeps room for the rows of a whole mix: the report scrolls instead
        operations.setMinHeight(HEADER_HEIGHT + OPERATION_ROWS_KEPT * 26 + 2);
        VBox.setVgrow(operations, Priority.ALWAYS);

        Label thresholds = new Label();
        thresholds.setId("load-report-thresholds");
        thresholds.setWrapText(true);

        Button html = exportButton("load-export-html", "HTML…", LoadViewModel.Format.HTML, "html", "A self-contained page with charts");
        Button csv = exportButton("load-export-csv", "CSV…", LoadViewModel.Format.CSV, "csv", "The operations table, and the per-second timeline beside it");
        Button json = exportButton("load-export-json", "JSON…", LoadViewModel.Format.JSON, "json", "The whole report");
        Label note = new Label("Latencies in ms; corrected: from the planned send time.");
        note.getStyleClass().add("placeholder-text");
        Label exportLabel = new Label("Export");
        exportLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox exports = new HBox(8, note, grow, exportLabel, html, csv, json);
        exports.getStyleClass().add("toolbar-row");
        exports.disableProperty().bind(model.reportProperty().isNull());

        // what the run wrote into the services, and (when it kept it) the offer to delete it
        Label data = new Label();
        data.setId("load-report-data");
        data.setWrapText(true);
        data.setMinHeight(Region.USE_PREF_SIZE);
        Button deleteData = new Button("Delete load data");
        deleteData.setId("load-delete-data");
        // the words wrap, the button keeps its label
        deleteData.setMinWidth(Region.USE_PREF_SIZE);
        deleteData.setTooltip(new javafx.scene.control.Tooltip("Deletes the users and orders this run created and kept"));
        deleteData.setOnAction(e -> model.deleteLoadData());
        deleteData.visibleProperty().bind(model.canDeleteLoadDataProperty());
        deleteData.managedProperty().bind(model.canDeleteLoadDataProperty());
        HBox dataRow = new HBox(8, data, deleteData);
        dataRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(data, Priority.ALWAYS);

        getChildren().addAll(summary, dataRow, latency, operations, thresholds, exports);

        model.reportProperty().addListener((obs, was, r) -> {
            if (r == null) {
                return;
            }
            summary.setText(summary(r));
            data.setText(r.loadData() == null ? "" : r.loadData().summary());
            latency.getItems().setAll(new LatencyRow("corrected", r.latencyMs().corrected()),
                    new LatencyRow("uncorrected", r.latencyMs().uncorrected()));
            operations.getItems().setAll(r.operations());
            thresholds.setText(r.thresholds().isEmpty() ? "" : "Thresholds: " + r.thresholds().stream()
                    .map(t -> t.expression() + (t.passed() ? " passed" : " FAILED") + " (" + fmt(t.actual(), 2) + ")")
                    .collect(Collectors.joining(", ")));
            thresholds.getStyleClass().removeAll("load-error-text");
            if (!r.thresholdsPassed()) {
                thresholds.getStyleClass().add("load-error-text");
            }
        });
    }

    static String summary(LoadReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Run ").append(r.runId()).append(" (").append(r.outcome());
        if (r.stopReason() != null) {
            out.append(": ").append(r.stopReason());
        }
        out.append("), ").append(r.model()).append(" model, ").append(r.target()).append('\n');
        if ("open".equals(r.model())) {
            out.append(String.format(Locale.ROOT, "Target %.1f/s, achieved %.1f/s. ", r.targetRate(), r.achievedRate()));
        } else {
            out.append(String.format(Locale.ROOT, "%d virtual users, achieved %.1f/s. ", r.vus(), r.achievedRate()));
        }
        out.append(String.format(Locale.ROOT, "%.1f s, %d requests, %d errors (%.2f%%), %d late sends (%.2f%%, up to %.0f ms behind).",
                r.durationSeconds(), r.requests(), r.errors(), r.errorPercent(), r.late(), r.latePercent(), r.maxBehindMs()));
        if (!r.warnings().isEmpty()) {
            out.append('\n').append(String.join("\n", r.warnings()));
        }
        return out.toString();
    }

    private Button exportButton(String id, String text, LoadViewModel.Format format, String extension, String help) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(help));
        button.setOnAction(e -> {
            LoadReport r = model.reportProperty().get();
            SaveDialog.choose(this, "Export the report as " + format, "load-" + r.runId() + "." + extension, format.name(), extension)
                    .ifPresent(file -> model.export(format, file));
        });
        return button;
    }

    static <T> TableColumn<T, String> column(String id, String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /**
     * Columns as wide as their figures at least, the last one taking what is left: a narrow window
     * scrolls the table sideways rather than cutting a start time, a header or a verdict.
     */
    static void fitted(TableView<?> table) {
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    static String ms(double value) {
        return fmt(value, 2);
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String kinds(Map<String, Long> errors) {
        if (errors == null || errors.isEmpty()) {
            return "";
        }
        return " (" + errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }
}
