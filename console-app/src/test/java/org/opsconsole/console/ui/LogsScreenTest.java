package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.logs.LogEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Logs and Events screens as an operator uses them: a selected log line is readable in both
 * themes; a filter that matches nothing says so, not "yet".
 */
@ExtendWith(ApplicationExtension.class)
class LogsScreenTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Logger USERS_LOG = Logger.getLogger(ConsoleSession.USERS_LOGGER);

    private Stage stage;
    private ConsoleHarness console;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        console = ConsoleHarness.open(stage, ConsoleOptions.forTests());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aSelectedLineIsReadableInBothThemes(FxRobot robot) throws Exception {
        for (int i = 1; i <= 5; i++) {
            USERS_LOG.info("readable line " + i);
        }
        USERS_LOG.warning("readable warning");
        await().atMost(WAIT).until(() -> list(robot).getItems().size() >= 6);
        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.window.setTheme(theme)).get();
            for (String text : new String[] {"readable line 3", "readable warning"}) {
                robot.clickOn(cellShowing(robot, text));
                WaitForAsyncUtils.waitForFxEvents();
                ListCell<?> cell = cellShowing(robot, text);
                assertThat(cell.isSelected()).isTrue();
                Color fg = (Color) cell.getTextFill();
                Color bg = Contrast.background(cell);
                assertThat(Contrast.ratio(fg, bg)).as(theme + " " + text + ": " + fg + " on " + bg).isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    @Test
    void aFilterThatMatchesNothingSaysSo(FxRobot robot) {
        USERS_LOG.info("something to filter");
        await().atMost(WAIT).until(() -> !list(robot).getItems().isEmpty());
        robot.clickOn("#log-filter").write("no line says this");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list(robot).getItems()).isEmpty();
        Label placeholder = (Label) list(robot).getPlaceholder();
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).contains("No lines match the filter").doesNotContain("yet");
    }

    @Test
    void anEventsFilterThatMatchesNothingSaysSo(FxRobot robot) throws Exception {
        console.session.services().startAll().get();
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT6);
        await().atMost(WAIT).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return console.text("events-streams").contains("users: live");
        });
        assertThat(console.text("events-placeholder")).startsWith("No events yet");
        assertThat(ConsoleHarness.post(console.url("users").resolve("/users"), "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}"))
                .isEqualTo(201);
        await().atMost(WAIT).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return !robot.lookup("#events-table").queryAs(javafx.scene.control.TableView.class).getItems().isEmpty();
        });
        robot.clickOn("#events-filter").write("no event says this");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#events-table").queryAs(javafx.scene.control.TableView.class).getItems()).isEmpty();
        assertThat(console.text("events-placeholder")).startsWith("No events match the filter");
    }

    @SuppressWarnings("unchecked")
    @Test
    void withFollowOnTheNewestLineIsInViewAndWithFollowOffTheViewStays(FxRobot robot) {
        for (int i = 1; i <= 200; i++) {
            USERS_LOG.info("early line " + i);
        }
        await().atMost(WAIT).until(() -> lastLineShown(robot, "early line 200"));
        for (int batch = 1; batch <= 3; batch++) {
            for (int i = 1; i <= 60; i++) {
                USERS_LOG.info("batch " + batch + " line " + i);
            }
            String newest = "batch " + batch + " line 60";
            await().atMost(WAIT).until(() -> lastLineShown(robot, newest));
        }

        robot.clickOn("#log-follow");
        USERS_LOG.info("while not following");
        await().atMost(WAIT).until(() -> list(robot).getItems().stream().anyMatch(e -> e.message().contains("while not following")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastLineShown(robot, "while not following")).as("follow off: the view stays where it was").isFalse();
        robot.clickOn("#log-follow");
        await().atMost(WAIT).until(() -> lastLineShown(robot, "while not following"));
    }

    /** True when the list's newest line contains {@code text} and its cell lies inside the list's viewport. */
    private static boolean lastLineShown(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        ListView<LogEntry> list = list(robot);
        int last = list.getItems().size() - 1;
        if (last < 0 || !list.getItems().get(last).message().contains(text)) {
            return false;
        }
        javafx.geometry.Bounds viewport = list.localToScene(list.getLayoutBounds());
        return robot.lookup("#log-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getIndex() == last && c.isVisible() && c.getText() != null)
                .anyMatch(c -> {
                    javafx.geometry.Bounds cell = c.localToScene(c.getLayoutBounds());
                    return cell.getMaxY() <= viewport.getMaxY() + 1 && cell.getMinY() >= viewport.getMinY() - 1;
                });
    }

    private static ListView<LogEntry> list(FxRobot robot) {
        return robot.lookup("#log-list").queryAs(ListView.class);
    }

    private static ListCell<?> cellShowing(FxRobot robot, String text) {
        return robot.lookup("#log-list .list-cell").match((ListCell<?> c) -> c.getText() != null && c.getText().contains(text))
                .queryAs(ListCell.class);
    }
}
