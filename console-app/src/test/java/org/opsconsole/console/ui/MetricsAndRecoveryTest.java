package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.console.ui.metrics.MetricsChart;
import org.opsconsole.console.ui.metrics.MetricsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Metrics screen's pause, window and exports, and restart-on-failure, on the real window. */
@ExtendWith(ApplicationExtension.class)
class MetricsAndRecoveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Stage stage;
    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private MetricsView openMetrics(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withAutoStart(true));
        await().atMost(PATIENCE).until(() -> console.session.services().users().status().state() == ServiceState.RUNNING);
        robot.clickOn("#nav-metrics");
        return (MetricsView) robot.lookup("#screen-metrics").query();
    }

    private static int points(MetricsChart chart) throws Exception {
        return WaitForAsyncUtils.asyncFx(chart::valuedPoints).get();
    }

    @Test
    void chartsFillWhenTheConsoleOpensOnTheMetricsScreen(FxRobot robot) throws Exception {
        ConsolePreferences preferences = ConsoleHarness.freshPreferences();
        preferences.saveLastScreen(Screen.METRICS);
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withAutoStart(true), preferences);
        assertThat(console.window.selected()).isEqualTo(Screen.METRICS);
        MetricsChart threads = (MetricsChart) robot.lookup("#chart-threads").query().getParent();
        await().atMost(PATIENCE).until(() -> points(threads) >= 2);
        assertThat(console.text("metrics-updated")).startsWith("updated");

        // pointing at the chart reads the time and each series' value there; leaving it clears it
        await().atMost(PATIENCE).until(() -> points(threads) >= 12);
        javafx.scene.Node timeAxis = (javafx.scene.Node) ((MetricsChart) robot.lookup("#chart-threads").query().getParent()).chart().getXAxis();
        javafx.geometry.Bounds axis = timeAxis.localToScreen(timeAxis.getBoundsInLocal());
        javafx.geometry.Bounds plot = robot.lookup("#chart-threads").query().localToScreen(
                robot.lookup("#chart-threads").query().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(axis.getMaxX() - axis.getWidth() * 0.03, plot.getMinY() + plot.getHeight() * 0.4));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(console.text("readout-threads"))
                .matches("\\d\\d:\\d\\d:\\d\\d   .*\\d.*"));
        robot.moveTo("#metrics-updated");
        await().atMost(PATIENCE).until(() -> console.text("readout-threads").isEmpty());

        // every time label is drawn whole inside its axis: none cut at the card's edge
        io.fair_acc.chartfx.axes.spi.DefaultNumericAxis axisOfThreads = (io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) timeAxis;
        List<io.fair_acc.chartfx.axes.spi.TickMark> labelled = WaitForAsyncUtils.asyncFx(() -> axisOfThreads.getTickMarks().stream()
                .filter(t -> t.getText() != null && t.getText().matches(".*\\d.*")).toList()).get();
        assertThat(labelled).as("the time axis has labels").hasSizeGreaterThan(2);
        double axisWidth = axisOfThreads.getWidth();
        assertThat(labelled).allSatisfy(t -> {
            assertThat(t.getText()).matches("\\d\\d:\\d\\d:\\d\\d");
            assertThat(t.getPosition() - t.getWidth() / 2).as(t.getText() + " starts inside").isGreaterThanOrEqualTo(0);
            assertThat(t.getPosition() + t.getWidth() / 2).as(t.getText() + " ends inside").isLessThanOrEqualTo(axisWidth);
        });
    }

    @Test
    void aServicesPercentilesAreTellableApartInBothThemes(FxRobot robot) throws Exception {
        openMetrics(robot);
        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.window.setTheme(theme)).get();
            WaitForAsyncUtils.waitForFxEvents();
            List<javafx.scene.paint.Color> swatches = robot.lookup("#legend-latency .swatch").queryAllAs(javafx.scene.layout.Region.class)
                    .stream().map(r -> (javafx.scene.paint.Color) r.getBackground().getFills().getFirst().getFill()).toList();
            assertThat(swatches).hasSize(6);
            for (int service = 0; service < 2; service++) {
                for (int a = 0; a < 3; a++) {
                    for (int b = a + 1; b < 3; b++) {
                        javafx.scene.paint.Color one = swatches.get(3 * service + a);
                        javafx.scene.paint.Color other = swatches.get(3 * service + b);
                        assertThat(tellableApart(one, other)).as(theme + ": " + one + " and " + other).isTrue();
                    }
                }
            }
        }
    }

    /** Another hue, or clearly lighter or darker, or clearly more or less saturated: not two shades of one blue. */
    private static boolean tellableApart(javafx.scene.paint.Color one, javafx.scene.paint.Color other) {
        double hue = Math.abs(one.getHue() - other.getHue());
        hue = Math.min(hue, 360 - hue);
        return hue >= 20 || Math.abs(one.getBrightness() - other.getBrightness()) >= 0.3
                || Math.abs(one.getSaturation() - other.getSaturation()) >= 0.4;
    }

    @Test
    void pauseFreezesTheChartsAndResumeCatchesUpFromHistory(FxRobot robot) throws Exception {
        MetricsView view = openMetrics(robot);
        MetricsChart threads = (MetricsChart) robot.lookup("#chart-threads").query().getParent();
        await().atMost(PATIENCE).until(() -> points(threads) >= 2);

        robot.clickOn("#pause-charts");
        assertThat(view.model().pausedProperty().get()).isTrue();
        // a row already handed to the feeder may still land: start counting one scrape later
        int pausedAt = console.session.metrics().history().size();
        await().atMost(PATIENCE).until(() -> console.session.metrics().history().size() >= pausedAt + 1);
        int frozen = points(threads);
        String pausedLine = console.text("metrics-updated");
        int rows = console.session.metrics().history().size();
        await().atMost(PATIENCE).until(() -> console.session.metrics().history().size() >= rows + 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(points(threads)).isEqualTo(frozen);
        assertThat(pausedLine).as("the line says the charts are paused").startsWith("paused at");
        assertThat(console.text("metrics-updated")).as("and does not tick while they are").isEqualTo(pausedLine);

        robot.clickOn("#pause-charts");
        // resume refills from the history, on the chart feeder thread
        await().atMost(PATIENCE).until(() -> points(threads) >= frozen + 2);
    }

    @Test
    void windowChoiceAndExportsWork(FxRobot robot, @TempDir Path dir) throws Exception {
        MetricsView view = openMetrics(robot);
        robot.clickOn("#window-15");
        assertThat(view.model().windowMinutesProperty().get()).isEqualTo(15);
        robot.clickOn("#window-1");
        assertThat(view.model().windowMinutesProperty().get()).isEqualTo(1);

        URI users = console.url("users");
        SeriesKey rps = new SeriesKey("users", Metric.REQUESTS_PER_SECOND);
        await().atMost(PATIENCE).until(() -> {
            ConsoleHarness.get(users.resolve("/users"));
            return console.session.metrics().history().latest(rps) > 0;
        });

        Path csv = view.model().exportCsv(dir.resolve("metrics.csv")).get();
        var lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).startsWith("time,users requests/s (req/s),").contains("orders latency p99 (ms)");
        assertThat(lines).hasSizeGreaterThan(2);

        MetricsChart requests = (MetricsChart) robot.lookup("#chart-requests").query().getParent();
        Path png = WaitForAsyncUtils.asyncFx(() -> view.savePng(requests, dir.resolve("requests.png"))).get().get();
        var image = ImageIO.read(png.toFile());
        assertThat((double) image.getWidth()).as("twice the size on screen").isGreaterThanOrEqualTo(requests.getWidth() * 2 - 1);
        assertThat(robot.lookup("#export-png-requests").query().isVisible()).as("the button is back after the picture").isTrue();
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text("metrics-message").contains("requests.png");
        });
    }

    @Test
    void stopAndStartKeepTheDataInTheDataFolder(FxRobot robot, @TempDir Path dir) throws Exception {
        ConsoleOptions options = new ConsoleOptions("127.0.0.1", 0, 0, org.opsconsole.console.session.DataFolders.resolve(dir), false, false);
        console = ConsoleHarness.open(stage, options);
        assertThat(console.text("status-data-folder")).contains(dir.toAbsolutePath().toString());
        for (int round = 0; round < 3; round++) {
            robot.clickOn("#start-users");
            await().atMost(PATIENCE).until(() -> {
                WaitForAsyncUtils.waitForFxEvents();
                return "RUNNING".equals(console.text("state-users"));
            });
            URI users = console.url("users");
            assertThat(ConsoleHarness.post(users.resolve("/users"),
                    "{\"name\":\"Round " + round + "\",\"email\":\"round" + round + "@example.com\"}")).isEqualTo(201);
            for (int earlier = 0; earlier <= round; earlier++) {
                assertThat(ConsoleHarness.get(users.resolve("/users?q=round" + earlier + "%40example.com")))
                        .isEqualTo(200);
                assertThat(ConsoleHarness.body(users.resolve("/users?q=round" + earlier + "%40example.com")))
                        .as("user of round " + earlier + " is still there").contains("round" + earlier + "@example.com");
            }
            robot.clickOn("#stop-users");
            await().atMost(PATIENCE).until(() -> {
                WaitForAsyncUtils.waitForFxEvents();
                return "STOPPED".equals(console.text("state-users"));
            });
        }
        assertThat(dir.resolve("users.mv.db")).isRegularFile();

        // the charts mark where the service started and stopped, with a labelled line
        robot.clickOn("#nav-metrics");
        javafx.scene.Node requests = robot.lookup("#chart-requests").query();
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            List<String> labels = robot.from(requests).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                    .filter(javafx.scene.Node::isVisible).map(javafx.scene.control.Label::getText).toList();
            return java.util.Collections.frequency(labels, "users stopped") == 3 && java.util.Collections.frequency(labels, "users started") == 3;
        });
    }

    @Test
    void restartOnFailureRetriesUntilThePortIsFree(FxRobot robot) throws Exception {
        ServerSocket squatter = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        int taken = squatter.getLocalPort();
        try {
            console = ConsoleHarness.open(stage, ConsoleOptions.forTests().withPorts(0, taken));
            robot.clickOn("#restart-on-failure-orders");
            robot.clickOn("#start-orders");
            await().atMost(PATIENCE).until(() -> {
                WaitForAsyncUtils.waitForFxEvents();
                return console.text("reason-orders").contains("trying again");
            });
            assertThat(console.text("reason-orders")).contains("port " + taken);
        } finally {
            squatter.close();
        }
        await().atMost(PATIENCE).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return "RUNNING".equals(console.text("state-orders"));
        });
        assertThat(console.url("orders").getPort()).isEqualTo(taken);
    }
}
