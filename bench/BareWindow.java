import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference of bench/console-startup.sh: the least a JavaFX program does to show a window
 * (a label in an 1600x1000 stage), timed from the start of its process as the console times itself.
 */
public class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("bare JavaFX window")), 1600, 1000));
        stage.setOnShown(e -> Platform.runLater(() -> {
            System.out.println("window shown " + sinceProcessStart() + " ms after the JVM started");
            Platform.exit();
        }));
        stage.show();
    }

    /** As the console's: the process's start in /proc/self/stat against /proc/uptime (10 ms), else the JDK's. */
    private static long sinceProcessStart() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(uptime * 1000) - Long.parseLong(fields[19]) * 10;
        } catch (java.io.IOException | RuntimeException notLinux) {
            long now = System.currentTimeMillis();
            return now - ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(now);
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
