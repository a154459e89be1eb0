package org.opsconsole.console.ui.load;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.load.capacity.CapacityReports;
import org.opsconsole.console.load.capacity.CapacityResult;
import org.opsconsole.console.load.capacity.CapacityStep;
import org.opsconsole.console.ui.metrics.FixedAxesRenderer;
import org.opsconsole.console.ui.metrics.MetricsChart;

import java.util.Comparator;
import java.util.List;

import static org.opsconsole.console.ui.load.LoadReportPane.column;
import static org.opsconsole.console.ui.load.LoadReportPane.fitted;
import static org.opsconsole.console.ui.load.LoadReportPane.fmt;

/**
 * A capacity search as it goes and what it found: the finding in words, throughput and p99
 * against the offered rate step by step, every step with its Little's law check, and the fitted
 * Universal Scalability Law.
 */
final class CapacityPane extends VBox {

    private final DoubleDataSet achieved = new DoubleDataSet("achieved /s");
    private final DoubleDataSet offered = new DoubleDataSet("offered /s");
    private final DoubleDataSet p50 = new DoubleDataSet("p50 ms");
    private final DoubleDataSet p99 = new DoubleDataSet("p99 ms");
    private final XYChart throughputChart = chart("load-capacity-throughput", "requests/s", achieved, offered);
    private final XYChart latencyChart = chart("load-capacity-latency", "ms", p50, p99);

    CapacityPane(CapacityViewModel model) {
        setSpacing(10);
        Label summary = new Label("Find capacity steps the rate up from the form's first stage (its rate, for its "
                + "length after the warm-up) until the thresholds break (p99<50ms, errors<1% when the form has none), "
                + "then narrows down the highest rate that holds them.");
        summary.setId("load-capacity-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);

        VBox throughput = card("Throughput against offered load", throughputChart);
        VBox latency = card("p50 and p99 against offered load", latencyChart);

        TableView<CapacityStep> table = new TableView<>(model.steps());
        table.setId("load-capacity-steps");
        table.getStyleClass().add("dense");
        table.getColumns().addAll(List.of(
                column("cap-step", "step", 52, s -> Integer.toString(s.number())),
                column("cap-offered", "offered/s", 88, s -> fmt(s.offeredRate(), 0)),
                column("cap-achieved", "achieved/s", 96, s -> fmt(s.throughput(), 1)),
                column("cap-p50", "p50 ms", 72, s -> fmt(s.p50Ms(), 2)),
                column("cap-p99", "p99 ms", 80, s -> fmt(s.p99Ms(), 2)),
                column("cap-errors", "err %", 62, s -> fmt(s.errorPercent(), 2)),
                column("cap-inflight", "in flight", 80, s -> fmt(s.measuredConcurrency(), 2)),
                column("cap-little", "X×W", 72, s -> fmt(s.littleConcurrency(), 2) + (s.littleAgrees() ? "" : " ≠")),
                column("cap-verdict", "verdict", 300, CapacityStep::verdictText)));
        fitted(table);
        table.setPlaceholder(new Label("No capacity search yet: fill the form, then Find capacity."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CapacityStep item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("load-worse");
                if (!empty && item != null && item.verdict() != CapacityStep.Verdict.HOLDS) {
                    getStyleClass().add("load-worse");
                }
            }
        });
        table.setMinHeight(150);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label explained = new Label();
        explained.setId("load-capacity-model");
        explained.setWrapText(true);
        explained.setMinHeight(Region.USE_PREF_SIZE);

        javafx.scene.layout.HBox charts = new javafx.scene.layout.HBox(10, throughput, latency);
        javafx.scene.layout.HBox.setHgrow(throughput, Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(latency, Priority.ALWAYS);
        getChildren().addAll(summary, charts, table, explained, kept(model));

        model.steps().addListener((ListChangeListener<CapacityStep>) change -> redraw(model.steps()));
        model.statusProperty().addListener((obs, was, now) -> summary.setText(now));
        model.resultProperty().addListener((obs, was, r) -> explained.setText(r == null ? "" : explanation(r)));
    }

    /** The kept results: open one, or compare two (the older as the base), worse figures in red. */
    private static VBox kept(CapacityViewModel model) {
        TableView<CapacityResult> results = new TableView<>(model.kept());
        results.setId("load-capacity-kept");
        results.getStyleClass().add("dense");
        results.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        results.getColumns().addAll(List.of(
                column("capk-started", "started", 172, r -> r.startedAt() == null ? "" : TIME.format(r.startedAt())),
                column("capk-capacity", "capacity/s", 96, r -> r.capacity() == null ? "—" : fmt(r.capacity(), 0)),
                column("capk-outcome", "outcome", 120, r -> r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')),
                column("capk-thresholds", "thresholds", 160, CapacityResult::thresholds),
                column("capk-target", "target", 200, r -> r.target() == null ? "" : r.target())));
        fitted(results);
        results.setPlaceholder(new Label("No kept capacity results yet: every search is kept when it ends."));
        results.setPrefHeight(140);
        results.setMinHeight(100);
        var selected = results.getSelectionModel().getSelectedItems();
        javafx.scene.control.Button open = new javafx.scene.control.Button("Open");
        open.setId("load-capacity-open");
        open.disableProperty().bind(javafx.beans.binding.Bindings.size(selected).isNotEqualTo(1).or(model.runningProperty()));
        open.setOnAction(e -> model.open(selected.getFirst()));
        javafx.scene.control.Button compare = new javafx.scene.control.Button("Compare");
        compare.setId("load-capacity-compare");
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(selected).isNotEqualTo(2));
        compare.setOnAction(e -> model.compare(selected.get(0), selected.get(1)));
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(8, open, compare);
        actions.getStyleClass().add("toolbar-row");

        Label title = new Label("Select two kept results and Compare.");
        title.setId("load-capacity-compare-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        TableView<org.opsconsole.console.load.report.RunComparison.Row> rows = new TableView<>();
        rows.setId("load-capacity-comparison");
        rows.getStyleClass().add("dense");
        rows.getColumns().addAll(List.of(
                column("capc-figure", "figure", 200, org.opsconsole.console.load.report.RunComparison.Row::metric),
                column("capc-base", "base", 100, r -> String.format(java.util.Locale.ROOT, "%.6g", r.base())),
                column("capc-other", "other", 100, r -> String.format(java.util.Locale.ROOT, "%.6g", r.other())),
                column("capc-percent", "change %", 90, r -> r.changePercent() == null ? "" : r.changePercent() + "%"),
                column("capc-verdict", "", 60, r -> r.worse() ? "worse" : "")));
        fitted(rows);
        rows.setPlaceholder(new Label("No comparison yet."));
        rows.setPrefHeight(220);
        rows.setMinHeight(120);
        rows.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(org.opsconsole.console.load.report.RunComparison.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("load-worse");
                if (!empty && item != null && item.worse()) {
                    getStyleClass().add("load-worse");
                }
            }
        });
        model.comparisonProperty().addListener((obs, was, c) -> {
            if (c != null) {
                title.setText("Base " + c.baseId() + "  vs  " + c.otherId() + c.note().map(n -> ". " + n).orElse(""));
                rows.getItems().setAll(c.rows());
            }
        });
        Label heading = new Label("Kept capacity results");
        heading.getStyleClass().add("chart-card-title");
        return new VBox(8, heading, results, actions, title, rows);
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** A chart in the screen's chart card (its colours, grid and axes as on the other screens). */
    private static VBox card(String title, XYChart chart) {
        Label name = new Label(title);
        name.getStyleClass().add("chart-card-title");
        VBox card = new VBox(4, name, chart);
        card.getStyleClass().add("chart-card");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return card;
    }

    private static XYChart chart(String id, String unit, DoubleDataSet... sets) {
        DefaultNumericAxis x = new DefaultNumericAxis("offered rate, requests/s");
        DefaultNumericAxis y = new DefaultNumericAxis(unit);
        for (DefaultNumericAxis axis : List.of(x, y)) {
            // the ranges are set from the steps (zero to a round number above the highest): ChartFX's
            // auto-range, fed by a data set replaced whole, left both axes empty and drew nothing
            axis.setUnit(null);
            axis.setAutoRanging(false);
            axis.set(0, 1);
        }
        FixedAxesRenderer renderer = new FixedAxesRenderer();
        renderer.setDrawMarker(true);
        renderer.getDatasets().addAll(sets);
        XYChart chart = new XYChart(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.getRenderers().setAll(renderer);
        chart.setToolBarPinned(false);
        chart.getToolBar().setVisible(false);
        chart.getToolBar().setManaged(false);
        chart.setMinHeight(160);
        chart.setPrefHeight(220);
        return chart;
    }

    private void redraw(List<CapacityStep> steps) {
        List<CapacityStep> byRate = steps.stream().sorted(Comparator.comparingDouble(CapacityStep::offeredRate)).toList();
        double[] rates = byRate.stream().mapToDouble(CapacityStep::offeredRate).toArray();
        achieved.set(rates, byRate.stream().mapToDouble(CapacityStep::throughput).toArray());
        offered.set(rates, rates.clone());
        p50.set(rates, byRate.stream().mapToDouble(CapacityStep::p50Ms).toArray());
        double[] latencies = byRate.stream().mapToDouble(CapacityStep::p99Ms).toArray();
        p99.set(rates, latencies);
        double highestRate = java.util.Arrays.stream(rates).max().orElse(0);
        double highestThroughput = byRate.stream().mapToDouble(CapacityStep::throughput).max().orElse(0);
        fit(throughputChart, highestRate, Math.max(highestRate, highestThroughput));
        fit(latencyChart, highestRate, java.util.Arrays.stream(latencies).max().orElse(0));
    }

    /** Zero to a round number a tenth above the highest value, on each axis, so no point sits on an edge. */
    private static void fit(XYChart chart, double highestX, double highestY) {
        chart.getXAxis().set(0, MetricsChart.niceCeiling(highestX * 1.1));
        chart.getYAxis().set(0, MetricsChart.niceCeiling(highestY * 1.1));
    }


    private static String explanation(CapacityResult r) {
        String text = CapacityReports.text(r);
        // the first line is the summary, shown above
        return text.substring(text.indexOf('\n') + 1).strip();
    }
}
