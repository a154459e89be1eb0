package org.opsconsole.console.ui.load;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.opsconsole.console.load.workload.LoadPresets;
import org.opsconsole.console.ui.metrics.MetricsChart;

import java.util.List;

/**
 * The Load screen: the form on the left, and three tabs: the live charts (the run's and the
 * services' on one time axis), the report, and the saved runs. It only binds to its
 * {@link LoadViewModel} and forwards clicks.
 */
public final class LoadView extends VBox {

    private final LoadViewModel model;
    /** The screen's width from which the form and the report's or saved runs' tables fit side by side. */
    private static final double ROOM_FOR_FORM_AND_TABLES = 1300;

    private final TabPane tabs = new TabPane();

    public LoadView(LoadViewModel model) {
        this.model = model;
        createView();
    }

    public LoadViewModel model() {
        return model;
    }

    /** Shows the Live (0), Report (1) or Saved runs (2) tab. */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    public void dispose() {
        model.dispose();
    }

    private void createView() {
        getStyleClass().addAll("screen", "load-screen");
        Label title = new Label("Load");
        title.getStyleClass().add("screen-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<LoadPresets.Preset> presets = new ComboBox<>();
        presets.setId("load-preset");
        presets.setPromptText("Presets…");
        presets.setPrefWidth(170);
        presets.setMinWidth(Region.USE_PREF_SIZE);
        presets.setButtonCell(presetCell());
        presets.setCellFactory(list -> presetCell());
        presets.setOnShowing(e -> presets.getItems().setAll(model.presets()));
        presets.getItems().setAll(model.presets());
        presets.setOnAction(e -> {
            if (presets.getValue() != null) {
                model.applyPreset(presets.getValue());
            }
        });
        presets.disableProperty().bind(model.runningProperty());

        Button start = new Button("Start");
        start.setId("load-start");
        start.getStyleClass().add("accent");
        start.setMinWidth(Region.USE_PREF_SIZE);
        javafx.beans.binding.BooleanBinding busy = model.runningProperty().or(model.capacity().runningProperty());
        start.disableProperty().bind(busy);
        start.setOnAction(e -> {
            if (model.start()) {
                showTab(0);
            }
        });
        Button capacity = new Button("Find capacity");
        capacity.setId("load-capacity");
        capacity.setMinWidth(Region.USE_PREF_SIZE);
        capacity.setTooltip(new Tooltip("Steps the rate up from the form's first stage until the thresholds break, then "
                + "narrows down the highest rate that holds them (p99<50ms, errors<1% when the form has none)"));
        capacity.disableProperty().bind(busy);
        capacity.setOnAction(e -> {
            if (model.findCapacity()) {
                showTab(3);
            }
        });
        Button stop = new Button("Stop");
        stop.setId("load-stop");
        stop.getStyleClass().add("danger");
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.disableProperty().bind(busy.not());
        stop.setOnAction(e -> {
            model.stop();
            model.capacity().stop();
        });

        ProgressBar progress = new ProgressBar();
        progress.setId("load-progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("load-status");
        status.getStyleClass().add("load-status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        // the run's id ends the line: on a narrow window it goes onto a second line, not cut
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        javafx.scene.control.ToggleButton showForm = new javafx.scene.control.ToggleButton("Form");
        showForm.setId("load-form-toggle");
        showForm.setSelected(true);
        showForm.setMinWidth(Region.USE_PREF_SIZE);
        showForm.setTooltip(new Tooltip("Show or hide the form, to give the charts and tables the room"
                + " (on a narrow window the report and the saved runs take the whole width)"));
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, presets, start, capacity, stop, grow, showForm);
        toolbar.getStyleClass().add("toolbar-row");
        HBox statusRow = new HBox(10, progress, status);
        statusRow.getStyleClass().add("toolbar-row");

        Label behind = banner("load-behind", model.behindProperty(), "load-warning");
        Label error = banner("load-form-error", model.formErrorProperty(), "load-error");

        ScrollPane form = new ScrollPane(createForm());
        form.setId("load-form");
        form.setFitToWidth(true);
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // a quarter of the screen, 250 to 420 px: room for whole URLs on a wide window, charts first on a narrow one
        javafx.beans.binding.DoubleBinding formWidth = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(250, Math.min(420, getWidth() * 0.25)), widthProperty());
        form.minWidthProperty().bind(formWidth);   // the charts beside it would squeeze it back otherwise
        form.prefWidthProperty().bind(formWidth);
        form.maxWidthProperty().bind(formWidth);
        // beside the live charts always; beside the report and the saved runs only when there is room for both
        form.visibleProperty().bind(showForm.selectedProperty().and(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> tabs.getSelectionModel().getSelectedIndex() <= 0 || getWidth() >= ROOM_FOR_FORM_AND_TABLES,
                tabs.getSelectionModel().selectedIndexProperty(), widthProperty())));
        form.managedProperty().bind(form.visibleProperty());
        form.getStyleClass().add("edge-to-edge");

        // the charts keep a readable height in a short window and scroll instead of squeezing their legends away
        GridPane chartGrid = createCharts();
        chartGrid.setMinHeight(3 * 200 + 20);
        Tab live = new Tab("Live", scrolling(chartGrid));
        live.setId("load-tab-live");
        Tab report = new Tab("Report", scrolling(new LoadReportPane(model)));
        report.setId("load-tab-report");
        Tab runs = new Tab("Saved runs", scrolling(new SavedRunsPane(model, () -> showTab(1))));
        runs.setId("load-tab-runs");
        Tab capacityTab = new Tab("Capacity", scrolling(new CapacityPane(model.capacity())));
        capacityTab.setId("load-tab-capacity");
        tabs.getTabs().setAll(live, report, runs, capacityTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // read again each time they are shown: a run made from a terminal ("Copy as command") is saved there too
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now == runs) {
                model.refreshRuns();
            }
        });
        tabs.setId("load-tabs");
        model.reportProperty().addListener((obs, was, now) -> {
            if (now != null && !model.runningProperty().get() && tabs.getSelectionModel().getSelectedIndex() == 0) {
                showTab(1);
            }
        });
        HBox.setHgrow(tabs, Priority.ALWAYS);
        HBox body = new HBox(12, form, tabs);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(toolbar, statusRow, behind, error, body);
    }

    /** A tab's content filling the tab, scrolled up and down when the window is shorter than its minimum. */
    private static ScrollPane scrolling(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private static ListCell<LoadPresets.Preset> presetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(LoadPresets.Preset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "Presets…" : item.name());
                setTooltip(empty || item == null ? null : new Tooltip(item.description()));
            }
        };
    }

    private static Label banner(String id, javafx.beans.value.ObservableStringValue text, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private VBox createForm() {
        LoadForm f = model.form();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(78), growing());
        int row = 0;

        ChoiceBox<String> target = choice("load-target", f.targetProperty(), LoadForm.SERVICES, LoadForm.URL);
        grid.addRow(row++, label("Target"), target);
        var services = Bindings.equal(LoadForm.SERVICES, f.targetProperty());
        row = field(grid, row, "Users URL", "load-users-url", f.usersUrlProperty(), services, "Base URL of the users service");
        row = field(grid, row, "Orders URL", "load-orders-url", f.ordersUrlProperty(), services, "Base URL of the orders service");
        row = field(grid, row, "Mix", "load-mix", f.mixProperty(), services,
                "Operation weights, e.g. read-user=60,list-users=10,create-user=10,create-order=15,change-status=5");
        var oneUrl = Bindings.equal(LoadForm.URL, f.targetProperty());
        row = field(grid, row, "URL", "load-url", f.urlProperty(), oneUrl, "Any HTTP endpoint, the same request each time");
        row = field(grid, row, "Method", "load-method", f.methodProperty(), oneUrl, "GET, POST, PUT, …");
        row = field(grid, row, "Body", "load-body", f.bodyProperty(), oneUrl, "Request body (JSON), if any");

        ChoiceBox<String> modelChoice = choice("load-model", f.modelProperty(), LoadForm.OPEN, LoadForm.CLOSED);
        grid.addRow(row++, label("Model"), modelChoice);
        var open = Bindings.equal(LoadForm.OPEN, f.modelProperty());
        row = field(grid, row, "Stages", "load-stages", f.stagesProperty(), open,
                "Comma separated: 30s@300 (constant), 1m@0->1000 (ramp), 40s@100->400/4 (steps)");
        var closed = Bindings.equal(LoadForm.CLOSED, f.modelProperty());
        row = field(grid, row, "Users", "load-vus", f.vusProperty(), closed, "Virtual users, each waiting for its answer");
        row = field(grid, row, "Think", "load-think", f.thinkProperty(), closed, "Pause between a user's requests, e.g. 100ms");
        row = field(grid, row, "Duration", "load-duration", f.durationProperty(), closed, "How long, e.g. 30s or 2m");
        row = field(grid, row, "Connections", "load-connections", f.connectionsProperty(), null, "Connections the engine may open");
        row = field(grid, row, "Warm-up", "load-warmup", f.warmupProperty(), null, "Load first sent without measuring, e.g. 5s");
        row = field(grid, row, "Timeout", "load-timeout", f.timeoutProperty(), null, "Per request, e.g. 10s");
        row = field(grid, row, "Thresholds", "load-thresholds", f.thresholdsProperty(), null,
                "Comma separated, e.g. p99<200ms, errors<1%: the run stops when one is crossed");
        CheckBox keep = new CheckBox("Keep load data");
        keep.setId("load-keep-data");
        keep.selectedProperty().bindBidirectional(f.keepDataProperty());
        keep.setTooltip(new Tooltip("Leave the users and orders the run creates in the services; otherwise they are"
                + " deleted when it ends (./opsconsole load --keep-load-data)"));
        keep.visibleProperty().bind(services);
        keep.managedProperty().bind(services);
        grid.add(keep, 1, row);
        grid.disableProperty().bind(model.runningProperty().or(model.capacity().runningProperty()));

        // what a run of the form will write, said before it starts
        Label writes = new Label();
        writes.setId("load-writes");
        writes.setWrapText(true);
        writes.textProperty().bind(Bindings.createStringBinding(f::writes, f.writesDependOn()));
        Label hint = new Label("Same options as ./opsconsole load. A threshold that is crossed stops the run.");
        hint.getStyleClass().add("placeholder-text");
        hint.setWrapText(true);
        // the same run from a terminal: a JVM of its own, away from the window's services and their collections
        Button copy = new Button("Copy as command");
        copy.setId("load-copy-command");
        copy.setTooltip(new Tooltip("Copies the ./opsconsole load command that makes this form's run, saved among"
                + " this window's runs: run from a terminal, the engine has a JVM of its own"));
        copy.disableProperty().bind(grid.disableProperty());
        Label copied = new Label();
        copied.setId("load-command");
        copied.setWrapText(true);
        copied.getStyleClass().add("placeholder-text");
        copied.managedProperty().bind(copied.textProperty().isNotEmpty());
        copy.setOnAction(e -> model.command().ifPresentOrElse(command -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(command);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            String token = model.form().tokenLeftOut();
            copied.setText("Copied: " + command + (token.isEmpty() ? "" : "\n" + token));
        }, () -> copied.setText("")));
        VBox box = new VBox(10, grid, writes, hint, copy, copied);
        box.getStyleClass().add("load-form");
        return box;
    }

    private static ColumnConstraints growing() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setFillWidth(true);
        return c;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static ChoiceBox<String> choice(String id, StringProperty value, String... options) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(options);
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** A labelled text field, shown only while {@code shown} holds (always when null). */
    private static int field(GridPane grid, int row, String name, String id, StringProperty value,
                             javafx.beans.binding.BooleanBinding shown, String help) {
        Label label = label(name);
        TextField text = new TextField();
        text.setId(id);
        text.textProperty().bindBidirectional(value);
        text.setTooltip(new Tooltip(help));
        text.setPromptText(help.length() > 30 ? null : help);
        if (shown != null) {
            for (Region node : List.of(label, text)) {
                node.visibleProperty().bind(shown);
                node.managedProperty().bind(shown);
            }
        }
        grid.addRow(row, label, text);
        return row + 1;
    }

    private GridPane createCharts() {
        GridPane grid = new GridPane();
        grid.setId("load-charts");
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setAlignment(Pos.TOP_LEFT);
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
        // the run's figures on the left, the services' own on the right, row by row: rate/requests, latency, errors/heap
        LoadCharts built = new LoadCharts(model.services(), model.servicesShareOneJvm(), model.history(), model.clock());
        model.feedCharts(built);
        List<MetricsChart> charts = built.all();
        for (int i = 0; i < charts.size(); i++) {
            MetricsChart chart = charts.get(i);
            chart.setMinWidth(0);
            // a picture of a chart: the Metrics screen has that; here the report's HTML export holds the run
            javafx.scene.Node png = chart.lookup("#export-png-" + chart.key());
            if (png != null) {
                png.setVisible(false);
                png.setManaged(false);
            }
            grid.add(chart, i / 3, i % 3);
        }
        return grid;
    }
}
