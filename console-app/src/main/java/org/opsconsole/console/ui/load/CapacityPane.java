package org.opsconsole.console.ui.load;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
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
    private final DoubleDataSet p99 = new DoubleDataSet("p99 ms");

    CapacityPane(CapacityViewModel model) {
        setSpacing(10);
        Label summary = new Label("Find capacity steps the rate up from the form's first stage (its rate, for its "
                + "length after the warm-up) until the thresholds break (p99<50ms, errors<1% when the form has none), "
                + "then narrows down the highest rate that holds them.");
        summary.setId("load-capacity-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);

        XYChart throughput = chart("load-capacity-throughput", "requests/s", achieved, offered);
        XYChart latency = chart("load-capacity-latency", "ms", p99);

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
                column("cap-verdict", "verdict", 150, CapacityPane::verdict)));
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
        getChildren().addAll(summary, charts, table, explained);

        model.steps().addListener((ListChangeListener<CapacityStep>) change -> redraw(model.steps()));
        model.statusProperty().addListener((obs, was, now) -> summary.setText(now));
        model.resultProperty().addListener((obs, was, r) -> explained.setText(r == null ? "" : explanation(r)));
    }

    private static XYChart chart(String id, String unit, DoubleDataSet... sets) {
        DefaultNumericAxis x = new DefaultNumericAxis("offered rate, requests/s");
        DefaultNumericAxis y = new DefaultNumericAxis(unit);
        x.setAutoRangeRounding(true);
        y.setAutoRangeRounding(true);
        y.setForceZeroInRange(true);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
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
        p99.set(rates, byRate.stream().mapToDouble(CapacityStep::p99Ms).toArray());
    }

    private static String verdict(CapacityStep s) {
        return switch (s.verdict()) {
            case HOLDS -> "holds";
            case BREAKS -> "breaks " + String.join(", ", s.broken());
            case ENGINE_BEHIND -> "engine behind";
        };
    }

    private static String explanation(CapacityResult r) {
        String text = CapacityReports.text(r);
        // the first line is the summary, shown above
        return text.substring(text.indexOf('\n') + 1).strip();
    }
}
