package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.supervisor.ServiceState;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes a PNG of every screen, in both themes, to target/screenshots/ after some traffic, so a
 * person can look at what the window shows (and the README can show it).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    private static final Path OUT = Path.of("target", "screenshots");

    private Stage stage;
    private ConsoleHarness console;
    private final AtomicBoolean trafficRunning = new AtomicBoolean(true);

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        trafficRunning.set(false);
        if (console != null) {
            console.close();
        }
    }

    @Test
    void writesAPictureOfEveryScreenInBothThemes() throws Exception {
        Files.createDirectories(OUT);
        console = ConsoleHarness.open(stage, new ConsoleOptions("127.0.0.1", 0, 0, null, true, true));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                console.session.services().users().status().state() == ServiceState.RUNNING
                        && console.session.services().orders().status().state() == ServiceState.RUNNING);
        Thread traffic = Thread.ofPlatform().daemon().start(() -> drive(console.url("users"), console.url("orders")));
        int before = console.session.metrics().history().size();
        await().atMost(Duration.ofSeconds(60)).until(() -> console.session.metrics().history().size() >= before + 20
                && console.session.metrics().history().latest(new SeriesKey("orders", Metric.REQUESTS_PER_SECOND)) > 0);
        Logger.getLogger("org.opsconsole.service.user").warning("a warning, to show how warnings look");

        // a fresh session has a minute of history: show the 1 minute window so the charts are filled
        WaitForAsyncUtils.asyncFx(() -> ((org.opsconsole.console.ui.metrics.MetricsView) console.window.views().view(Screen.METRICS))
                .model().windowMinutesProperty().set(1)).get();
        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.window.setTheme(theme)).get();
            for (Screen screen : Screen.values()) {
                WaitForAsyncUtils.asyncFx(() -> console.window.select(screen)).get();
                // let the logs and events views pull what arrived, and the charts draw
                await().atMost(Duration.ofSeconds(5)).until(() -> {
                    WaitForAsyncUtils.waitForFxEvents(3);
                    return true;
                });
                WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
                Path file = OUT.resolve(screen.name().toLowerCase() + "-" + theme.name().toLowerCase() + ".png");
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
                assertThat(file).isNotEmptyFile();
            }
        }
        trafficRunning.set(false);
        traffic.join(5000);
    }

    private void drive(URI users, URI orders) {
        int i = 0;
        while (trafficRunning.get()) {
            try {
                ConsoleHarness.get(users.resolve("/users?limit=20&offset=" + (i % 20)));
                ConsoleHarness.get(users.resolve("/users/" + (1 + i % 40)));
                ConsoleHarness.get(orders.resolve("/orders?limit=20"));
                if (i % 7 == 0) {
                    ConsoleHarness.post(users.resolve("/users"), "{\"name\":\"User " + i + "\",\"email\":\"u" + i + "." + System.nanoTime() + "@example.com\"}");
                }
                if (i % 11 == 0) {
                    ConsoleHarness.post(orders.resolve("/orders"), "{\"userId\":" + (1 + i % 40) + ",\"items\":[{\"sku\":\"A-1\",\"quantity\":1,\"unitPrice\":\"9.99\"}]}");
                }
                if (i % 13 == 0) {
                    ConsoleHarness.get(orders.resolve("/orders/999999"));
                }
                if (i % 29 == 0) {
                    ConsoleHarness.post(users.resolve("/users"), "{\"name\":\"\",\"email\":\"not an email\"}");
                }
                i++;
                // pace the traffic to a few hundred requests per second so the charts have shape
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            } catch (Exception e) {
                // services may be switching; keep going
            }
        }
    }
}
