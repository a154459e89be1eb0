package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.TestServices;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.session.DataFolderLock;
import org.opsconsole.console.session.DataFolders;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second console on a data folder that a console already uses: it says so at start and offers
 * another folder or Quit, instead of failing both services with stack traces.
 */
@ExtendWith(ApplicationExtension.class)
class FolderInUseTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Function<ConsoleOptions, ConsoleSession> OPEN =
            options -> ConsoleSession.withLaunchers(options, TestServices.users(), TestServices.orders());

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
    }

    @Test
    void itSaysTheFolderIsInUseAndOpensWithAnotherTypedByTheUser(FxRobot robot, @TempDir Path data) throws Exception {
        Path first = data.resolve("first");
        Path second = data.resolve("second");
        try (DataFolderLock held = DataFolderLock.acquire(first)) {
            CompletableFuture<Optional<ConsoleSession>> opened = ask(first);
            awaitDialog(robot);
            assertThat(robot.lookup("#folder-in-use-message").queryAs(Label.class).getText())
                    .contains("Another Ops Console (process " + ProcessHandle.current().pid() + ") is using the data folder " + first);
            robot.clickOn("#other-folder");
            robot.push(KeyCode.CONTROL, KeyCode.A);
            robot.write(first.toString());
            robot.clickOn("#folder-in-use-open");
            assertThat(robot.lookup("#other-folder-error").queryAs(Label.class).getText()).contains("folder in use");
            robot.clickOn("#other-folder");
            robot.push(KeyCode.CONTROL, KeyCode.A);
            robot.write(second.toString());
            robot.clickOn("#folder-in-use-open");
            try (ConsoleSession session = opened.get().orElseThrow()) {
                assertThat(session.options().folders().root()).isEqualTo(second);
                assertThat(Files.exists(second.resolve("console.lock"))).isTrue();
            }
        }
    }

    @Test
    void quitOpensNothing(FxRobot robot, @TempDir Path data) throws Exception {
        try (DataFolderLock held = DataFolderLock.acquire(data)) {
            CompletableFuture<Optional<ConsoleSession>> opened = ask(data);
            awaitDialog(robot);
            robot.clickOn("#folder-in-use-quit");
            assertThat(opened.get()).isEmpty();
        }
    }

    private static CompletableFuture<Optional<ConsoleSession>> ask(Path folder) {
        CompletableFuture<Optional<ConsoleSession>> opened = new CompletableFuture<>();
        Platform.runLater(() -> opened.complete(ConsoleApp.openAsking(ConsoleOptions.forTests().withFolders(new DataFolders(folder)),
                OPEN, inUse -> new FolderInUseDialog(inUse).showAndWait())));
        return opened;
    }

    private static void awaitDialog(FxRobot robot) {
        await().atMost(WAIT).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#folder-in-use-open").tryQuery().isPresent();
        });
    }
}
