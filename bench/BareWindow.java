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

    private static long sinceProcessStart() {
        long now = System.currentTimeMillis();
        return now - ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(now);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
