package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.load.WorkerServer;
import org.opsconsole.console.load.engine.LoadSnapshot;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.RunStore;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.DataFolders;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.console.ui.load.LoadView;
import org.opsconsole.console.ui.load.LoadViewModel;
import org.opsconsole.console.ui.metrics.MetricsChart;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opsconsole.console.ui.ShownInFull.assertTableReadsInFull;

/**
 * The Load screen in the real console window against the embedded services (in memory): a short
 * run started by clicking shows its progress, then the report with the mix's operations, and is
 * listed among the saved runs; two runs compare side by side; a picture of the screen in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class LoadScreenTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(40);

    private Stage stage;
    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        console.session.services().startAll().get();
        await().atMost(WAIT).until(() -> console.session.services().users().status().state() == ServiceState.RUNNING
                && console.session.services().orders().status().state() == ServiceState.RUNNING);
        WaitForAsyncUtils.asyncFx(() -> console.window.select(Screen.LOAD)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aShortRunStartedByClickingShowsProgressThenTheReportAndIsSaved(FxRobot robot) throws Exception {
        LoadViewModel model = view().model();
        // the form points at the running services, not the default ports
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        assertThat(robot.lookup("#load-orders-url").queryAs(TextField.class).getText())
                .isEqualTo(trimmed(console.url("orders").toString()));

        replace(robot, "#load-stages", "3s@50");
        robot.clickOn("#load-start");
        ProgressBar progress = robot.lookup("#load-progress").queryAs(ProgressBar.class);
        await().atMost(WAIT).until(() -> progress.getProgress() > 0 && progress.getProgress() < 1);
        assertThat(robot.lookup("#load-status").queryAs(Label.class).getText()).containsAnyOf("Running", "Preparing", "Done");

        await().atMost(WAIT).until(() -> model.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        LoadReport report = model.reportProperty().get();
        assertThat(report.requests()).isBetween(120L, 180L);
        assertThat(progress.getProgress()).isEqualTo(1.0);
        TableView<?> operations = robot.lookup("#load-report-operations").queryAs(TableView.class);
        List<String> names = new ArrayList<>();
        for (LoadReport.OperationReport op : report.operations()) {
            names.add(op.name());
        }
        assertThat(names).contains("read-user", "create-order");
        assertThat(operations.getItems()).hasSameSizeAs(report.operations());
        assertThat(robot.lookup("#load-report-summary").queryAs(Label.class).getText()).contains(report.runId());
        // the run's charts got a point a second
        assertThat(robot.lookup(".load-rate-chart").queryAs(MetricsChart.class).valuedPoints()).isGreaterThanOrEqualTo(4);
        // the run's charts and the services' own share one time axis
        WaitForAsyncUtils.waitForFxEvents();
        var runAxis = robot.lookup(".load-rate-chart").queryAs(MetricsChart.class).chart().getXAxis();
        var servicesAxis = robot.lookup(".load-svc-requests-chart").queryAs(MetricsChart.class).chart().getXAxis();
        assertThat(servicesAxis.getMin()).isEqualTo(runAxis.getMin());
        assertThat(runAxis.getMin()).isLessThan(report.startedAt().getEpochSecond());
        assertThat(runAxis.getMax()).isGreaterThanOrEqualTo(report.startedAt().getEpochSecond() + 3.0);

        await().atMost(WAIT).until(() -> model.runs().stream().anyMatch(r -> r.id().equals(report.runId())));
        WaitForAsyncUtils.asyncFx(() -> view().showTab(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> runs = robot.lookup("#load-runs").queryAs(TableView.class);
        assertThat(runs.getItems()).extracting(r -> ((RunStore.RunSummary) r).id()).contains(report.runId());

        // a second run, then compare the two side by side with the first as baseline
        WaitForAsyncUtils.asyncFx(() -> view().showTab(0)).get();
        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> model.runs().size() == 2);
        WaitForAsyncUtils.asyncFx(() -> view().showTab(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        clickRun(robot, report.runId());
        robot.clickOn("#load-run-baseline");
        await().atMost(WAIT).until(() -> model.runs().stream().anyMatch(r -> r.baseline() && r.id().equals(report.runId())));
        String second = model.runs().stream().filter(r -> !r.baseline()).findFirst().orElseThrow().id();
        clickRun(robot, second);
        robot.clickOn("#load-run-compare");
        await().atMost(WAIT).until(() -> model.comparisonProperty().get() != null);
        assertThat(model.comparisonProperty().get().baseId()).isEqualTo(report.runId());
        assertThat(model.comparisonProperty().get().otherId()).isEqualTo(second);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#load-compare").queryAs(TableView.class).getItems()).isNotEmpty();
        // the figures in words, as the table shows them
        List<String> figures = robot.lookup("#load-compare .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
        assertThat(figures).contains("Achieved rate (req/s)", "Requests").doesNotContain("achievedRate", "requests");

        // opening the first run again: the status line speaks of it, not of the last run made
        Label status = robot.lookup("#load-status").queryAs(Label.class);
        assertThat(status.getText()).contains("(run " + second + ")");
        clickRun(robot, report.runId());
        robot.clickOn("#load-run-open");
        await().atMost(WAIT).until(() -> status.getText().contains("(run " + report.runId() + ")"));
        assertThat(status.getText()).startsWith("Completed: ");

        // exports of the shown report
        Path folder = Files.createTempDirectory("load-export");
        for (LoadViewModel.Format format : LoadViewModel.Format.values()) {
            Path file = folder.resolve("report." + format.name().toLowerCase());
            WaitForAsyncUtils.asyncFx(() -> model.export(format, file)).get().get();
            assertThat(file).isNotEmptyFile();
        }

        pictures();
    }

    @Test
    void aRunWarmsUpFirstAndTheChartsShowTheWarmUpAsSuchButTheReportLeavesItOut(FxRobot robot) {
        LoadViewModel model = view().model();
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        assertThat(robot.lookup("#load-warmup").queryAs(TextField.class).getText()).as("the default warm-up").isEqualTo("5s");
        replace(robot, "#load-stages", "2s@50");
        replace(robot, "#load-warmup", "3s");
        robot.clickOn("#load-start");

        Label status = robot.lookup("#load-status").queryAs(Label.class);
        await().atMost(WAIT).until(() -> status.getText().startsWith("Warming up"));
        MetricsChart rate = robot.lookup(".load-rate-chart").queryAs(MetricsChart.class);
        // the warm-up's seconds are drawn while it lasts, under a mark that says they are not measured
        await().atMost(WAIT).until(() -> model.latestProperty().get().phase() == LoadSnapshot.Phase.WARMING_UP
                && rate.valuedPoints() > 0);
        await().atMost(WAIT).until(() -> markShown(robot, "#chart-load-rate", "warm-up (not measured)")
                && markShown(robot, "#chart-load-rate", "measured from here"));

        await().atMost(WAIT).until(() -> model.reportProperty().get() != null);
        LoadReport report = model.reportProperty().get();
        assertThat(report.warmupSeconds()).isEqualTo(3.0);
        assertThat(report.requests()).as("two measured seconds at 50/s, none of the warm-up's").isBetween(80L, 120L);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rate.chart().getXAxis().getMin()).as("the charts begin before the warm-up")
                .isLessThan(report.startedAt().getEpochSecond() - 3.0);
    }

    @Test
    void aClosedModelRunHasNoTargetRateToShowNeitherInTheStatusNorAsALineAtZero(FxRobot robot) {
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        robot.clickOn("#load-model");
        robot.clickOn(org.opsconsole.console.ui.load.LoadForm.CLOSED);
        replace(robot, "#load-mix", "read-user=1");
        replace(robot, "#load-vus", "2");
        replace(robot, "#load-think", "20ms");
        replace(robot, "#load-duration", "2s");
        replace(robot, "#load-warmup", "1s");
        robot.clickOn("#load-start");

        Label status = robot.lookup("#load-status").queryAs(Label.class);
        MetricsChart rate = robot.lookup(".load-rate-chart").queryAs(MetricsChart.class);
        await().atMost(WAIT).until(() -> status.getText().startsWith("Warming up") && status.getText().contains("achieved"));
        assertThat(status.getText()).doesNotContain("target");
        await().atMost(WAIT).until(() -> status.getText().startsWith("Running") && rate.legendText().matches(".*achieved  [1-9].*"));
        assertThat(status.getText()).doesNotContain("target");
        assertThat(rate.legendText()).as("no target: a dash, not a line at 0").startsWith("target  –");
        await().atMost(WAIT).until(() -> view().model().reportProperty().get() != null);
    }

    @Test
    void aRunSaysWhatItWillWriteAndItsKeptLoadDataIsDeletedFromTheReport(FxRobot robot) throws Exception {
        LoadViewModel model = view().model();
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        replace(robot, "#load-mix", "create-user=100");
        replace(robot, "#load-stages", "2s@20");
        replace(robot, "#load-warmup", "0s");
        Label writes = robot.lookup("#load-writes").queryAs(Label.class);
        assertThat(writes.getText()).contains("creates users", "deleted when the run ends");
        robot.clickOn("#load-keep-data");
        assertThat(writes.getText()).contains("creates users", "kept when the run ends");
        long before = usersTotal();

        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> model.reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label data = robot.lookup("#load-report-data").queryAs(Label.class);
        assertThat(data.getText()).contains("Load data: created", "kept");
        long created = model.reportProperty().get().loadData().createdUsers();
        assertThat(created).isPositive();
        assertThat(usersTotal()).isEqualTo(before + created);

        WaitForAsyncUtils.asyncFx(() -> view().showTab(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#load-delete-data");
        await().atMost(WAIT).until(() -> data.getText().contains("deleted them again"));
        assertThat(robot.lookup("#load-delete-data").queryAs(javafx.scene.control.Button.class).isVisible()).isFalse();
        assertThat(usersTotal()).isEqualTo(before);
    }

    @Test
    void aRunsKeptLoadDataIsDeletedFromItsSavedReportAfterARestart(FxRobot robot, @TempDir Path data) throws Exception {
        reopen(robot, data);
        long before = usersTotal();
        replace(robot, "#load-mix", "create-user=50,create-order=50");
        replace(robot, "#load-stages", "1s@20");
        replace(robot, "#load-warmup", "0s");
        robot.clickOn("#load-keep-data");
        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> view().model().reportProperty().get() != null);
        String runId = view().model().reportProperty().get().runId();
        long created = view().model().reportProperty().get().loadData().createdUsers();
        assertThat(usersTotal()).isEqualTo(before + created);

        // a new console on the same data folder: the run is only a saved report now
        reopen(robot, data);
        WaitForAsyncUtils.asyncFx(() -> view().showTab(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> runs = robot.lookup("#load-runs").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> runs.getItems().stream().anyMatch(r -> ((RunStore.RunSummary) r).id().equals(runId)));
        WaitForAsyncUtils.waitForFxEvents();
        clickRun(robot, runId);
        robot.clickOn("#load-run-open");
        Label shown = robot.lookup("#load-report-data").queryAs(Label.class);
        await().atMost(WAIT).until(() -> shown.getText().contains("kept"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ShownInFull.shownText(robot.lookup("#load-delete-data").query())).isEqualTo("Delete load data");

        robot.clickOn("#load-delete-data");

        await().atMost(WAIT).until(() -> shown.getText().contains("deleted them again"));
        assertThat(usersTotal()).isEqualTo(before);
        assertThat(new RunStore(new DataFolders(data).loadRuns()).load(runId).loadData().remaining()).isZero();
    }

    /** Closes the console and opens a new one on {@code data}, its services started, on the Load screen. */
    private void reopen(FxRobot robot, Path data) throws Exception {
        console.close();
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withFolders(new DataFolders(data)));
        console.session.services().startAll().get();
        WaitForAsyncUtils.asyncFx(() -> console.window.select(Screen.LOAD)).get();
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
    }

    private long usersTotal() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                console.url("users").resolve("/users?limit=1")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return org.opsconsole.model.Json.mapper().readTree(response.body()).path("total").asLong();
    }

    private static boolean markShown(FxRobot robot, String chart, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(chart + " .chart-mark-label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && text.equals(l.getText()));
    }

    @Test
    void theFormsRunIsCopiedAsACommandForATerminalAndAFormThatMakesNoRunSaysWhyInstead(FxRobot robot) throws Exception {
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        replace(robot, "#load-stages", "20s@50->100");
        replace(robot, "#load-thresholds", "p99<200ms");
        robot.clickOn("#load-copy-command");
        WaitForAsyncUtils.waitForFxEvents();

        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).startsWith("./opsconsole load --users-url " + trimmed(console.url("users").toString())
                        + " --orders-url " + trimmed(console.url("orders").toString()))
                .contains(" --stage '20s@50->100' ", " --threshold 'p99<200ms'");
        assertThat(robot.lookup("#load-command").queryAs(Label.class).getText()).isEqualTo("Copied: " + copied);

        replace(robot, "#load-stages", "20x@50");
        robot.clickOn("#load-copy-command");

        assertThat(robot.lookup("#load-form-error").queryAs(Label.class).getText()).contains("20x@50");
        assertThat(robot.lookup("#load-command").queryAs(Label.class).getText()).isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get())
                .as("the last good command stays on the clipboard").isEqualTo(copied);
    }

    @Test
    void theCopiedCommandRunFromATerminalIsListedAmongTheWindowsSavedRuns(FxRobot robot, @TempDir Path data) throws Exception {
        reopen(robot, data);
        replace(robot, "#load-mix", "read-user=1");
        replace(robot, "#load-stages", "1s@20");
        replace(robot, "#load-warmup", "0s");
        robot.clickOn("#load-copy-command");
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).contains(" --data-dir " + data.toAbsolutePath());
        robot.clickOn("Saved runs");
        TableView<?> runs = robot.lookup("#load-runs").queryAs(TableView.class);
        assertThat(runs.getItems()).isEmpty();

        // the command as a shell splits it, run as the launcher runs it (after its own name)
        Process shell = new ProcessBuilder("sh", "-c", "set -- " + copied + "; shift; for w in \"$@\"; do printf '%s\\0' \"$w\"; done").start();
        String[] words = new String(shell.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\0");
        assertThat(shell.waitFor()).isZero();
        assertThat(org.opsconsole.console.cli.OpsConsoleCommand.commandLine().execute(words)).isZero();

        robot.clickOn("Live");
        robot.clickOn("Saved runs");
        await().atMost(WAIT).until(() -> runs.getItems().size() == 1);
        assertThat(((RunStore.RunSummary) runs.getItems().getFirst()).requests()).isEqualTo(20);
    }

    @Test
    void stopEndsARunEarlyWithAReportOfWhatWasDone(FxRobot robot) {
        LoadViewModel model = view().model();
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        replace(robot, "#load-stages", "60s@20");
        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> model.latestProperty().get() != null && model.latestProperty().get().requests() >= 20);
        robot.clickOn("#load-stop");
        await().atMost(WAIT).until(() -> model.reportProperty().get() != null);
        LoadReport report = model.reportProperty().get();
        assertThat(report.outcome()).isEqualTo(LoadReport.STOPPED);
        assertThat(report.durationSeconds()).isLessThan(30);
        assertThat(model.runningProperty().get()).isFalse();
        await().atMost(WAIT).until(() -> model.runs().stream().anyMatch(r -> r.id().equals(report.runId())));
    }

    @Test
    void closingTheWindowDuringARunAsksThenStopsTheRunAndSavesItAsStoppedBeforeTheServices(FxRobot robot,
                                                                                         @TempDir Path data) throws Exception {
        console.close();
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withFolders(new DataFolders(data)));
        console.session.services().startAll().get();
        WaitForAsyncUtils.asyncFx(() -> console.window.select(Screen.LOAD)).get();
        LoadViewModel model = view().model();
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        replace(robot, "#load-stages", "5m@20");
        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> model.latestProperty().get() != null && model.latestProperty().get().requests() >= 20);

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn("#close-during-run-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.runningProperty().get()).as("keep running: nothing stops").isTrue();
        assertThat(console.session.services().users().status().state()).isEqualTo(ServiceState.RUNNING);

        robot.push(KeyCode.CONTROL, KeyCode.Q);
        robot.clickOn("#close-during-run-ok");
        await().atMost(WAIT).untilTrue(console.exited);
        List<RunStore.RunSummary> saved = new RunStore(new DataFolders(data).loadRuns()).list();
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().outcome()).isEqualTo(LoadReport.STOPPED);
        assertThat(saved.getFirst().errorPercent()).as("the services ran until the run had stopped").isZero();
    }

    @Test
    void theLegendExplainsCorrectedUncorrectedAndLate(FxRobot robot) {
        // the headless test robot does not hover, so the tooltip each entry carries is read directly
        assertThat(legendTip(robot, "legend-load-latency", "p99 uncorr.")).startsWith("Uncorrected: from the moment the request actually left");
        assertThat(legendTip(robot, "legend-load-latency", "p99")).startsWith("Corrected: from the moment the request was planned");
        assertThat(legendTip(robot, "legend-load-errors", "late sends")).contains("after their planned time");
    }

    private static String legendTip(FxRobot robot, String legend, String entry) {
        javafx.scene.control.Label label = robot.lookup("#" + legend + " .label").match((javafx.scene.control.Label l) ->
                l.getText() != null && (l.getText().equals(entry) || l.getText().startsWith(entry + " "))
                        && !(entry.equals("p99") && l.getText().startsWith("p99 uncorr."))).query();
        return label.getTooltip() == null ? "" : label.getTooltip().getText();
    }

    @Test
    void onAWideWindowTheFormShowsWholeServiceUrls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);   // the headless screen's size: the test platform can't draw a larger window
            stage.setHeight(800);
        }).get();
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        WaitForAsyncUtils.waitForFxEvents();
        TextField users = robot.lookup("#load-users-url").queryAs(TextField.class);
        javafx.scene.text.Text drawn = new javafx.scene.text.Text(users.getText());
        drawn.setFont(users.getFont());
        double room = users.getWidth() - users.getPadding().getLeft() - users.getPadding().getRight();
        assertThat(drawn.getLayoutBounds().getWidth()).as("the whole URL fits its field").isLessThanOrEqualTo(room);
    }

    @Test
    void beforeTheFirstRunTheEmptyRunChartsStandStillWhileTheServicesChartsMove(FxRobot robot) throws Exception {
        // an empty ChartFX chart whose axis moves is redrawn on every frame: the idle screen must not do that
        var runAxis = robot.lookup(".load-rate-chart").queryAs(MetricsChart.class).chart().getXAxis();
        var servicesAxis = robot.lookup(".load-svc-requests-chart").queryAs(MetricsChart.class).chart().getXAxis();
        await().atMost(WAIT).until(() -> servicesAxis.getMax() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        double runMin = runAxis.getMin();
        double runMax = runAxis.getMax();
        double servicesMax = servicesAxis.getMax();
        // the services' charts follow the clock second by second...
        await().atMost(WAIT).until(() -> servicesAxis.getMax() >= servicesMax + 2);
        WaitForAsyncUtils.waitForFxEvents();
        // with their time labels whole: the screen was laid out before it was first shown, and the
        // axis keeps the height of its labels from then on
        var servicesTimeAxis = (io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) servicesAxis;
        List<io.fair_acc.chartfx.axes.spi.TickMark> labelled = WaitForAsyncUtils.asyncFx(() -> servicesTimeAxis.getTickMarks()
                .stream().filter(t -> t.getText() != null && t.getText().matches("\\d\\d:\\d\\d:\\d\\d")).toList()).get();
        assertThat(labelled).as("the services' time axis has labels").hasSizeGreaterThan(2);
        assertThat(servicesTimeAxis.getHeight()).as("the time axis has room for its labels")
                .isGreaterThanOrEqualTo(labelled.getFirst().getHeight() + servicesTimeAxis.getTickLength());
        // ...while the run's, with nothing to show, keep their view
        assertThat(runAxis.getMin()).isEqualTo(runMin);
        assertThat(runAxis.getMax()).isEqualTo(runMax);
        assertThat(robot.lookup(".load-rate-chart").queryAs(MetricsChart.class).valuedPoints()).isZero();
        // and say so in words in place of an empty plot with a time span of its own
        javafx.scene.control.Label placeholder = robot.lookup("#placeholder-load-rate").queryAs(javafx.scene.control.Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).startsWith("No run yet");
        assertThat(robot.lookup("#chart-load-rate").query().isVisible()).isFalse();
        assertThat(robot.lookup("#chart-load-svc-requests").query().isVisible()).isTrue();
        // the services' charts mark where each service started
        await().atMost(WAIT).until(() -> robot.lookup("#chart-load-svc-requests .chart-mark-label")
                .queryAllAs(javafx.scene.control.Label.class).stream().anyMatch(l -> l.isVisible() && l.getText().equals("users started")));

        // a run starts them moving again, on the services' time axis
        replace(robot, "#load-stages", "2s@20");
        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> view().model().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runAxis.getMax()).isGreaterThan(runMax);
        assertThat(runAxis.getMin()).isEqualTo(servicesAxis.getMin());
        assertThat(placeholder.isVisible()).isFalse();
        assertThat(robot.lookup("#chart-load-rate").query().isVisible()).isTrue();
    }

    @Test
    void inTheSmallestWindowTheReportShowsEveryOperationAndSavedRunsAndCompareReadInFull(FxRobot robot) throws Exception {
        LoadViewModel model = view().model();
        resize(1024, 700);
        await().atMost(WAIT).until(() -> robot.lookup("#load-users-url").queryAs(TextField.class).getText()
                .equals(trimmed(console.url("users").toString())));
        replace(robot, "#load-stages", "2s@30");
        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> model.runs().size() == 1);
        robot.clickOn("#load-tab-live");
        // another target, so the comparison's title carries its longest note
        replace(robot, "#load-stages", "2s@45");
        robot.clickOn("#load-start");
        await().atMost(WAIT).until(() -> model.runs().size() == 2 && !model.runningProperty().get());

        // the report: every operation of the mix in sight, whole
        robot.clickOn("#load-tab-report");
        WaitForAsyncUtils.waitForFxEvents();
        LoadReport report = model.reportProperty().get();
        TableView<?> operations = robot.lookup("#load-report-operations").queryAs(TableView.class);
        assertThat(report.operations()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(wholeRowsShown(operations)).as("operation rows in sight").isEqualTo(report.operations().size());
        assertTableReadsInFull(operations);

        // saved runs and a comparison of the two: headers, start times and verdicts whole
        robot.clickOn("#load-tab-runs");
        String older = model.runs().getLast().id();
        clickRun(robot, older);
        robot.clickOn("#load-run-baseline");
        await().atMost(WAIT).until(() -> model.runs().stream().anyMatch(r -> r.baseline() && r.id().equals(older)));
        clickRun(robot, model.runs().getFirst().id());
        robot.clickOn("#load-run-compare");
        await().atMost(WAIT).until(() -> model.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        for (int[] size : new int[][] {{1024, 700}, {1280, 800}}) {
            resize(size[0], size[1]);
            for (String table : List.of("#load-runs", "#load-compare", "#load-compare-operations")) {
                TableView<?> shown = robot.lookup(table).queryAs(TableView.class);
                assertThat(wholeRowsShown(shown)).as(table + " rows in sight at " + size[0]).isGreaterThanOrEqualTo(2);
                assertTableReadsInFull(shown);
            }
            Label title = robot.lookup("#load-compare-title").queryAs(Label.class);
            assertThat(title.getText()).contains("different targets");
            assertThat(ShownInFull.shownText(title)).as("the comparison's title at " + size[0]).isEqualTo(title.getText());
        }
    }

    private void resize(double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        }).get();
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    /** How many filled rows of the table lie wholly inside it, above its bottom edge. */
    private static long wholeRowsShown(TableView<?> table) {
        javafx.geometry.Bounds area = table.localToScene(table.getBoundsInLocal());
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> row && row.isVisible() && !row.isEmpty()
                        && row.getItem() != null)
                .filter(n -> n.localToScene(n.getBoundsInLocal()).getMaxY() <= area.getMaxY() + 0.5)
                .count();
    }

    @Test
    void findCapacityStepsTheRateUpShowsEveryStepAndFindsWhatAServerOfFourWorkersCanTake(FxRobot robot) throws Exception {
        // four workers, each request holding one for 100 ms: 40 requests/s at most (a rate the engine
        // keeps in the window's process on a busy machine). The threshold leaves a step room for one
        // stall of 200 ms on a busy machine (with 50 ms and p99<150ms, one of 105 ms failed the first step),
        // and still breaks at 45/s: 10 requests queued after 2 s wait 250 ms before their 100
        try (WorkerServer server = WorkerServer.start(4, Duration.ofMillis(100))) {
            robot.clickOn("#load-target");
            robot.clickOn(org.opsconsole.console.ui.load.LoadForm.URL);
            replace(robot, "#load-url", server.url("/work"));
            replace(robot, "#load-stages", "2s@10");
            replace(robot, "#load-warmup", "1s");
            replace(robot, "#load-thresholds", "p99<300ms");
            robot.clickOn("#load-capacity");

            // live: each step as it ends, and Stop on offer
            Label summary = robot.lookup("#load-capacity-summary").queryAs(Label.class);
            await().atMost(WAIT).untilAsserted(() -> assertThat(summary.getText())
                    .as("form error: " + robot.lookup("#load-form-error").queryAs(Label.class).getText())
                    .startsWith("Finding capacity: step 1 at 10/s held"));
            assertThat(robot.lookup("#load-stop").queryButton().isDisabled()).isFalse();
            assertThat(robot.lookup("#load-start").queryButton().isDisabled()).isTrue();
            await().atMost(Duration.ofMinutes(3)).until(() -> !summary.getText().startsWith("Finding capacity"));

            // the capacity; or, when the window's process was too busy to send on time (a loaded
            // machine), the search says so and the highest rate that held is a lower bound
            java.util.regex.Matcher found = java.util.regex.Pattern.compile("^Capacity: ([\\d,]+)/s\\.").matcher(summary.getText());
            java.util.regex.Matcher bound = java.util.regex.Pattern.compile("^Stopped at step \\d+ .* the load engine itself fell behind.*"
                    + "The highest rate that held: ([\\d,]+)/s").matcher(summary.getText());
            assertThat(found.find() || bound.find()).as(summary.getText()).isTrue();
            double capacity = Double.parseDouble((found.hasMatch() ? found : bound).group(1).replace(",", ""));
            assertThat(capacity).as(summary.getText()).isBetween(found.hasMatch() ? 36.0 : 20.0, 44.0);
            assertThat(summary.getText()).contains("Saved as capacity-");
            TableView<?> steps = robot.lookup("#load-capacity-steps").queryAs(TableView.class);
            assertThat(steps.getItems()).hasSizeGreaterThanOrEqualTo(5);
            // both charts span every step, with ticks drawn along their axes
            double highestRate = steps.getItems().stream()
                    .mapToDouble(s -> ((org.opsconsole.console.load.capacity.CapacityStep) s).offeredRate()).max().orElseThrow();
            double highestP99 = steps.getItems().stream()
                    .mapToDouble(s -> ((org.opsconsole.console.load.capacity.CapacityStep) s).p99Ms()).max().orElseThrow();
            for (String chart : List.of("#load-capacity-throughput", "#load-capacity-latency")) {
                io.fair_acc.chartfx.XYChart drawn = robot.lookup(chart).queryAs(io.fair_acc.chartfx.XYChart.class);
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(drawn.getXAxis().getMax()).as(chart + " x").isGreaterThanOrEqualTo(highestRate);
                    assertThat(drawn.getXAxis().getTickMarks()).as(chart + " x ticks").hasSizeGreaterThan(1);
                    assertThat(drawn.getYAxis().getTickMarks()).as(chart + " y ticks").hasSizeGreaterThan(1);
                });
            }
            io.fair_acc.chartfx.XYChart latency = robot.lookup("#load-capacity-latency").queryAs(io.fair_acc.chartfx.XYChart.class);
            assertThat(latency.getYAxis().getMax()).isGreaterThanOrEqualTo(highestP99);
            assertThat(latency.getRenderers().getFirst().getDatasets()).as("p50 and p99").hasSize(2);
            assertThat(robot.lookup("#load-capacity-model").queryAs(Label.class).getText())
                    .contains("Universal Scalability Law").contains("Little's law");
            assertThat(robot.lookup("#load-capacity").queryButton().isDisabled()).isFalse();
            // kept with the load runs, listed under the steps
            TableView<?> kept = robot.lookup("#load-capacity-kept").queryAs(TableView.class);
            await().atMost(WAIT).until(() -> kept.getItems().size() == 1);
        }
    }

    @Test
    void stopEndsACapacitySearchAndSaysSo(FxRobot robot) {
        replace(robot, "#load-stages", "30s@20");
        replace(robot, "#load-mix", "read-user=1");
        robot.clickOn("#load-capacity");
        Label summary = robot.lookup("#load-capacity-summary").queryAs(Label.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(summary.getText())
                .as("form error: " + robot.lookup("#load-form-error").queryAs(Label.class).getText())
                .startsWith("Finding capacity: step 1 at 20/s"));
        robot.clickOn("#load-stop");
        await().atMost(WAIT).until(() -> summary.getText().startsWith("Stopped after 0 step(s)."));
        assertThat(robot.lookup("#load-capacity").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aWrongFormSaysWhatIsWrongAndStartsNothing(FxRobot robot) {
        replace(robot, "#load-stages", "three seconds");
        robot.clickOn("#load-start");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#load-form-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("stages").contains("30s@300");
        assertThat(view().model().runningProperty().get()).isFalse();
    }

    @Test
    void aRunThatCannotStartSaysWhyAndItsChartsSayItInPlaceOfEmptyPlots(FxRobot robot) {
        replace(robot, "#load-users-url", "http://127.0.0.1:1");
        replace(robot, "#load-stages", "3s@20");
        robot.clickOn("#load-start");

        Label error = robot.lookup("#load-form-error").queryAs(Label.class);
        await().atMost(WAIT).until(() -> error.isVisible() && error.getText().contains("nothing answers at http://127.0.0.1:1"));
        assertThat(robot.lookup("#load-status").queryAs(Label.class).getText()).isEqualTo("The run did not start: see why below.");
        Label placeholder = robot.lookup("#placeholder-load-rate").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).startsWith("The run did not start");
        assertThat(robot.lookup("#chart-load-rate").query().isVisible()).isFalse();
        assertThat(robot.lookup("#load-start").query().isDisabled()).isFalse();
    }

    private void pictures() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (Theme theme : Theme.values()) {
            for (int tab : new int[] {0, 1, 2}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    console.window.setTheme(theme);
                    view().showTab(tab);
                }).get();
                WaitForAsyncUtils.waitForFxEvents(5);
                Thread.sleep(300);
                WaitForAsyncUtils.waitForFxEvents(3);
                WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
                Path file = SCREENSHOTS.resolve("load-" + new String[] {"live", "report", "runs"}[tab] + "-"
                        + theme.name().toLowerCase() + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                assertThat(file).isNotEmptyFile();
            }
        }
    }

    /** Clicks the saved run's row. */
    private static void clickRun(FxRobot robot, String id) {
        robot.clickOn(robot.lookup("#load-runs .table-row-cell").match((javafx.scene.control.TableRow<?> row) ->
                row.getItem() instanceof RunStore.RunSummary r && r.id().equals(id)).queryAs(javafx.scene.Node.class));
    }

    private LoadView view() {
        return (LoadView) console.window.views().view(Screen.LOAD);
    }

    private static String trimmed(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static void replace(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }
}
