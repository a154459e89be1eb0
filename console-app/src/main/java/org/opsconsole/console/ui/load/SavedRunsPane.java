package org.opsconsole.console.ui.load;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.load.report.RunComparison;
import org.opsconsole.console.load.report.RunStore.RunSummary;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.opsconsole.console.ui.load.LoadReportPane.column;
import static org.opsconsole.console.ui.load.LoadReportPane.fitted;
import static org.opsconsole.console.ui.load.LoadReportPane.fmt;

/**
 * The saved runs, newest first, the baseline starred; open one, mark one as the baseline, delete
 * one, and compare two side by side (or one with the baseline), regressions in red.
 */
final class SavedRunsPane extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    SavedRunsPane(LoadViewModel model, Runnable showReport) {
        setSpacing(10);
        TableView<RunSummary> runs = new TableView<>(model.runs());
        runs.setId("load-runs");
        runs.getStyleClass().add("dense");
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.getColumns().addAll(List.of(
                column("run-baseline", "base", 60, r -> r.baseline() ? "★" : ""),
                column("run-started", "started", 164, r -> r.startedAt() == null ? "" : TIME.format(r.startedAt())),
                column("run-target", "target/s", 78, r -> fmt(r.targetRate(), 0)),
                column("run-achieved", "got/s", 64, r -> fmt(r.achievedRate(), 1)),
                column("run-requests", "requests", 92, r -> Long.toString(r.requests())),
                column("run-errors", "err %", 62, r -> fmt(r.errorPercent(), 2)),
                column("run-late", "late", 56, r -> Long.toString(r.late())),
                column("run-p99", "p99 ms", 82, r -> fmt(r.p99Ms(), 2)),
                column("run-model", "model", 66, RunSummary::model),
                column("run-outcome", "outcome", 112, RunSummary::outcome)));
        fitted(runs);
        runs.setPlaceholder(new Label("No saved runs yet: every run is saved when it ends."));
        runs.setPrefHeight(160);
        runs.setMinHeight(110);
        runs.setRowFactory(table -> {
            TableRow<RunSummary> row = new TableRow<>() {
                @Override
                protected void updateItem(RunSummary item, boolean empty) {
                    super.updateItem(item, empty);
                    // the run's id names its report file; the table has no room for it as a column
                    setTooltip(empty || item == null ? null : new Tooltip("Run " + item.id() + ": " + item.target()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    model.open(row.getItem().id()).thenRun(showReport);
                }
            });
            return row;
        });
        var selected = runs.getSelectionModel().getSelectedItems();
        var one = Bindings.size(selected).isEqualTo(1);

        Button open = button("load-run-open", "Open report", "Show this run's report");
        open.disableProperty().bind(one.not());
        open.setOnAction(e -> model.open(selected.getFirst().id()).thenRun(showReport));
        Button baseline = button("load-run-baseline", "Mark as baseline", "Compare other runs with this one");
        baseline.disableProperty().bind(one.not());
        baseline.setOnAction(e -> model.markBaseline(selected.getFirst().id()));
        Button compare = button("load-run-compare", "Compare", "Two selected runs side by side (the older is the base), or one with the baseline");
        compare.disableProperty().bind(Bindings.size(selected).isEqualTo(0).or(Bindings.size(selected).greaterThan(2)));
        compare.setOnAction(e -> {
            if (selected.size() == 2) {
                // the list is newest first: the lower row is the older run, the base
                List<RunSummary> pair = List.copyOf(selected);
                int a = runs.getItems().indexOf(pair.get(0));
                int b = runs.getItems().indexOf(pair.get(1));
                RunSummary older = a > b ? pair.get(0) : pair.get(1);
                RunSummary newer = a > b ? pair.get(1) : pair.get(0);
                model.compare(older.id(), newer.id());
            } else {
                model.compare(null, selected.getFirst().id());
            }
        });
        Button delete = button("load-run-delete", "Delete", "Delete this saved run");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(one.not());
        delete.setOnAction(e -> model.delete(selected.getFirst().id()));
        Button refresh = button("load-run-refresh", "Refresh", "Read the saved runs again");
        refresh.setOnAction(e -> model.refreshRuns());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("load-runs-busy");
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.setMinSize(16, 16);
        busy.visibleProperty().bind(model.calls().busyProperty());
        Label message = new Label();
        message.setId("load-runs-message");
        message.textProperty().bind(model.calls().messageProperty());
        model.calls().failedProperty().addListener((obs, was, now) -> {
            message.getStyleClass().remove("load-error-text");
            if (now) {
                message.getStyleClass().add("load-error-text");
            }
        });
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox actions = new HBox(8, open, baseline, compare, delete, refresh, busy, message);
        actions.getStyleClass().add("toolbar-row");

        Label title = new Label("Select two runs and Compare, or one to compare with the baseline.");
        title.setId("load-compare-title");
        title.getStyleClass().add("placeholder-text");
        // a note on differing targets makes it long: it wraps rather than being cut
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        TableView<RunComparison.Row> rows = new TableView<>();
        rows.setId("load-compare");
        rows.getStyleClass().add("dense");
        rows.getColumns().addAll(List.of(
                column("cmp-metric", "figure", 160, RunComparison.Row::label),
                column("cmp-base", "base", 70, r -> number(r.base())),
                column("cmp-other", "other", 70, r -> number(r.other())),
                column("cmp-change", "change", 80, r -> signed(r.change())),
                column("cmp-percent", "change %", 90, r -> r.changePercent() == null ? "" : signed(r.changePercent()) + "%"),
                column("cmp-verdict", "", 60, r -> r.worse() ? "worse" : "")));
        fitted(rows);
        rows.setPlaceholder(new Label("No comparison yet: select two runs above and click Compare, or one to compare with the baseline."));
        rows.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(RunComparison.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("load-worse");
                if (!empty && item != null && item.worse()) {
                    getStyleClass().add("load-worse");
                }
            }
        });
        TableView<RunComparison.OperationRow> ops = new TableView<>();
        ops.setId("load-compare-operations");
        ops.getStyleClass().add("dense");
        ops.getColumns().addAll(List.of(
                column("cmpop-name", "operation", 120, RunComparison.OperationRow::name),
                column("cmpop-base-rate", "base /s", 74, r -> orDash(r.baseRate(), 1)),
                column("cmpop-other-rate", "other /s", 80, r -> orDash(r.otherRate(), 1)),
                column("cmpop-base-p99", "base p99", 82, r -> orDash(r.baseP99Ms(), 2)),
                column("cmpop-other-p99", "other p99", 88, r -> orDash(r.otherP99Ms(), 2)),
                column("cmpop-base-errors", "base err", 78, r -> r.baseErrors() == null ? NOT_IN_RUN : Long.toString(r.baseErrors())),
                column("cmpop-other-errors", "other err", 84, r -> r.otherErrors() == null ? NOT_IN_RUN : Long.toString(r.otherErrors()))));
        fitted(ops);
        ops.setPlaceholder(new Label("Each operation of the two runs, side by side."));
        // figures and operations one above the other, each with both runs side by side; the
        // figures take the height the operations (at most a mix of six) leave
        rows.setMinHeight(120);
        ops.setFixedCellSize(OPERATION_ROW_HEIGHT);
        ops.setMinHeight(100);
        ops.setPrefHeight(OPERATION_HEADER_HEIGHT + OPERATIONS_SHOWN * OPERATION_ROW_HEIGHT);
        VBox side = new VBox(8, rows, ops);
        VBox.setVgrow(rows, Priority.ALWAYS);
        VBox.setVgrow(side, Priority.ALWAYS);
        model.comparisonProperty().addListener((obs, was, c) -> {
            if (c != null) {
                title.setText("Base " + c.baseId() + "  vs  " + c.otherId() + (c.anyWorse() ? ": worse figures in red" : ": nothing worse")
                        + c.targetsNote().map(note -> ". " + note).orElse(""));
                rows.getItems().setAll(c.rows());
                ops.getItems().setAll(c.operations());
            }
        });
        getChildren().addAll(runs, actions, title, side);
    }

    /** Operations the comparison shows without scrolling: a whole mix. */
    private static final int OPERATIONS_SHOWN = 6;
    private static final int OPERATION_ROW_HEIGHT = 26;
    private static final int OPERATION_HEADER_HEIGHT = 32;

    /** What an operation absent from one of the runs shows there. */
    private static final String NOT_IN_RUN = "—";

    private static String orDash(Double value, int places) {
        return value == null ? NOT_IN_RUN : fmt(value, places);
    }

    private static Button button(String id, String text, String help) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(help));
        return button;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? Long.toString((long) value) : fmt(value, 2);
    }

    private static String signed(double value) {
        String text = number(value);
        return value > 0 ? "+" + text : text;
    }
}
