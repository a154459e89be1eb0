package org.opsconsole.console.ui;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.ui.fx.ChartGridPatterns;
import org.opsconsole.console.ui.fx.Confirm;
import org.opsconsole.console.ui.fx.PulseTimerSwap;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's main window: navigation on the left (Ctrl+1..6), the selected screen in the
 * middle, a status bar below; a light and a dark theme (Ctrl+T); size, place, screen and theme
 * remembered. Closing it stops both services off the FX thread, then runs the exit action.
 */
public final class ConsoleWindow {

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 820;

    private final ConsoleSession session;
    private final ConsolePreferences preferences;
    private final Runnable exit;
    private final ExecutorService io = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("console-io").factory());
    private final ScreenViews views;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final ToggleButton themeButton = new ToggleButton();
    private final StatusBar statusBar;
    private Stage stage;
    private Screen selected;
    private Theme theme;
    private boolean closing;

    public ConsoleWindow(ConsoleSession session, ConsolePreferences preferences, Runnable exit) {
        this.session = session;
        this.preferences = preferences;
        this.exit = exit;
        this.views = new ScreenViews(session, preferences, io, Clock.systemDefaultZone());
        this.statusBar = new StatusBar(session);
        this.theme = preferences.theme();
        createView();
    }

    private void createView() {
        root.setId("console-root");
        Label appTitle = new Label("Ops Console");
        appTitle.getStyleClass().add("app-title");
        VBox nav = new VBox(appTitle);
        nav.getStyleClass().add("nav-bar");
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.title());
            button.setId(screen.navId());
            button.getStyleClass().add("nav-button");
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip(screen.title() + "  (" + shortcutText(screen.key()) + ")"));
            button.setOnAction(e -> select(screen));
            navButtons.put(screen, button);
            nav.getChildren().add(button);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().add("nav-button");
        themeButton.setTooltip(new Tooltip("Switch between the light and the dark theme  (" + shortcutText(KeyCode.T) + ")"));
        themeButton.setOnAction(e -> setTheme(theme.other()));
        nav.getChildren().addAll(grow, themeButton);

        root.setLeft(nav);
        root.setCenter(content);
        root.setBottom(statusBar);
    }

    /** Shows the window on {@code stage}, where it was last time, with the screen used last. */
    public void show(Stage target) {
        this.stage = target;
        PulseTimerSwap.install();
        Rectangle2D screenBounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        ConsolePreferences.WindowBounds saved = preferences.window(
                Math.min(DEFAULT_WIDTH, screenBounds.getWidth() * 0.95), Math.min(DEFAULT_HEIGHT, screenBounds.getHeight() * 0.9));
        double width = Math.min(saved.width(), screenBounds.getWidth());
        double height = Math.min(saved.height(), screenBounds.getHeight());
        Scene scene = new Scene(root, width, height);
        scene.addPostLayoutPulseListener(ChartGridPatterns::holdKeys);
        registerShortcuts(scene);
        target.setScene(scene);
        target.setWidth(width);
        target.setHeight(height);
        target.setTitle("Ops Console");
        target.setMinWidth(800);
        target.setMinHeight(560);
        if (!Double.isNaN(saved.x()) && isVisible(saved.x(), saved.y(), width)) {
            target.setX(saved.x());
            target.setY(saved.y());
        } else {
            target.centerOnScreen();
        }
        target.setMaximized(saved.maximized());
        setTheme(theme);
        target.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
        target.show();
        // Only now: ChartFX read-locks its data sets when laid out and unlocks them in its
        // post-layout pulse hook; charts laid out by show(), outside a pulse, would stay locked.
        select(preferences.lastScreen());
    }

    public void select(Screen screen) {
        Node view = views.view(screen);
        content.getChildren().setAll(view);
        selected = screen;
        navButtons.get(screen).setSelected(true);
        preferences.saveLastScreen(screen);
    }

    public Screen selected() {
        return selected;
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme next) {
        theme = next;
        if (root.getScene() != null) {
            next.apply(root.getScene());
        }
        themeButton.setText(next == Theme.DARK ? "Light theme" : "Dark theme");
        themeButton.setSelected(next == Theme.DARK);
        preferences.saveTheme(next);
    }

    public BorderPane root() {
        return root;
    }

    public ScreenViews views() {
        return views;
    }

    public boolean isClosing() {
        return closing;
    }

    /**
     * What the window's close button does: remembers the window, stops both services on a worker
     * thread (the window stays responsive and says so), then hides and runs the exit action.
     */
    public void close() {
        if (closing) {
            return;
        }
        java.util.Optional<org.opsconsole.console.ui.load.LoadViewModel> load = views.runningLoad();
        if (load.isPresent()) {
            select(Screen.LOAD);
            Confirm.destructive(stage, "close-during-run-confirm", "Close Ops Console", "A load run is going on",
                    "Closing stops the run first (its report is saved as stopped), then the services.",
                    "Stop the run and close", "Keep running", () -> closeAfter(load.get().stopAndSave())).show();
            return;
        }
        closeAfter(java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    /** Closes once {@code runEnded} completes (bounded): a load run first, then the services. */
    private void closeAfter(java.util.concurrent.CompletableFuture<Void> runEnded) {
        if (closing) {
            return;
        }
        closing = true;
        saveWindow();
        root.setDisable(true);
        statusBar.setMessage(runEnded.isDone() ? "Stopping services…" : "Stopping the load run, then the services…");
        Thread.ofPlatform().name("console-shutdown").start(() -> {
            try {
                runEnded.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(ConsoleWindow.class.getName())
                        .warning("the load run did not end in time; closing anyway: " + e);
            }
            session.close();
            Platform.runLater(() -> {
                views.dispose();
                io.shutdown();
                if (stage != null) {
                    stage.hide();
                }
                exit.run();
            });
        });
    }

    private void saveWindow() {
        if (stage == null) {
            return;
        }
        if (!stage.isMaximized()) {
            preferences.saveWindow(new ConsolePreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), false));
        } else {
            ConsolePreferences.WindowBounds previous = preferences.window(DEFAULT_WIDTH, DEFAULT_HEIGHT);
            preferences.saveWindow(new ConsolePreferences.WindowBounds(previous.x(), previous.y(), previous.width(),
                    previous.height(), true));
        }
        preferences.flush();
    }

    private void registerShortcuts(Scene scene) {
        for (Screen screen : Screen.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(screen.key(), KeyCombination.SHORTCUT_DOWN), () -> select(screen));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), () -> setTheme(theme.other()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), this::close);
    }

    private static boolean isVisible(double x, double y, double width) {
        return !javafx.stage.Screen.getScreensForRectangle(x, y, Math.max(1, width / 4), 40).isEmpty();
    }

    private static String shortcutText(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN).getDisplayText();
    }
}
