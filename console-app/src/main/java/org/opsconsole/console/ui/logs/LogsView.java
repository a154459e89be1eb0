package org.opsconsole.console.ui.logs;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.opsconsole.console.logs.LogEntry;
import org.opsconsole.console.logs.LogFormat;
import org.opsconsole.console.ui.fx.FxTicker;
import org.opsconsole.console.ui.fx.SaveDialog;

import java.time.Duration;
import java.util.logging.Level;

/**
 * The Logs screen: a service's log, live, with a level and a text filter, follow on/off and export.
 * New lines are pulled four times a second, whatever the rate they are written at.
 */
public final class LogsView extends VBox {

    private final LogsViewModel model;
    private final ListView<LogEntry> list = new ListView<>();
    private final Label count = new Label();
    private final FxTicker poller;
    private Runnable placeholderText = () -> { };

    public LogsView(LogsViewModel model) {
        this.model = model;
        createView();
        poller = FxTicker.every(Duration.ofMillis(250), this, this::refresh);
    }

    public LogsViewModel model() {
        return model;
    }

    private void createView() {
        getStyleClass().add("screen");
        Label title = new Label("Logs");
        title.getStyleClass().add("screen-title");

        ToggleGroup services = new ToggleGroup();
        HBox serviceButtons = new HBox();
        for (int i = 0; i < model.services().size(); i++) {
            String name = model.services().get(i);
            ToggleButton button = new ToggleButton(name);
            button.setId("log-service-" + name);
            button.setToggleGroup(services);
            button.getStyleClass().add(i == 0 ? "left-pill" : "right-pill");
            button.setSelected(name.equals(model.serviceProperty().get()));
            button.setOnAction(e -> {
                if (button.isSelected()) {
                    model.serviceProperty().set(name);
                } else {
                    button.setSelected(true);
                }
            });
            serviceButtons.getChildren().add(button);
        }

        ComboBox<Level> level = new ComboBox<>();
        level.setId("log-level");
        level.getItems().setAll(LogsViewModel.LEVELS);
        level.valueProperty().bindBidirectional(model.levelProperty());
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(Level value) {
                return value == null ? "" : value == Level.ALL ? "All levels" : value.getName() + " and above";
            }

            @Override
            public Level fromString(String text) {
                return Level.parse(text);
            }
        });

        TextField filter = new TextField();
        filter.setId("log-filter");
        filter.setPromptText("Show only lines containing…");
        filter.textProperty().bindBidirectional(model.textProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);

        CheckBox follow = new CheckBox("Follow");
        follow.setId("log-follow");
        follow.selectedProperty().bindBidirectional(model.followProperty());
        model.followProperty().addListener((obs, was, on) -> scrollToEnd());

        Button export = new Button("Export…");
        export.setId("log-export");
        export.setOnAction(e -> {
            SaveDialog.choose(this, "Export log", model.serviceProperty().get() + ".log", "Log", "log").ifPresent(model::export);
        });

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.SOMETIMES);
        HBox toolbar = new HBox(8, title, grow, serviceButtons, level, filter, follow, export);
        toolbar.getStyleClass().add("toolbar-row");

        list.setId("log-list");
        list.getStyleClass().addAll("log-list", "dense");
        list.setCellFactory(v -> new LogCell());
        Label placeholder = new Label("No log lines yet");
        placeholder.setId("log-placeholder");
        list.setPlaceholder(placeholder);
        // an empty list because of the filter says so, not "yet"
        Runnable placeholderText = () -> placeholder.setText(model.unavailableNote(model.serviceProperty().get())
                .orElse(model.totalLines(model.serviceProperty().get()) == 0
                        ? "No log lines yet"
                        : "No lines match the filter (" + model.totalLines(model.serviceProperty().get()) + " lines hidden)"));
        list.itemsProperty().addListener((obs, was, now) -> placeholderText.run());
        model.levelProperty().addListener((obs, was, now) -> placeholderText.run());
        model.textProperty().addListener((obs, was, now) -> placeholderText.run());
        this.placeholderText = placeholderText;
        VBox.setVgrow(list, Priority.ALWAYS);
        showService(model.serviceProperty().get());
        model.serviceProperty().addListener((obs, was, now) -> showService(now));

        count.setId("log-count");
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        HBox footer = new HBox(16, count, message);
        footer.getStyleClass().add("status-line");
        getChildren().addAll(toolbar, list, footer);
    }

    private void showService(String name) {
        list.setItems(model.visibleLines(name));
        placeholderText.run();
        updateCount();
        scrollToEnd();
    }

    private void refresh() {
        if (model.poll()) {
            placeholderText.run();
            scrollToEnd();
        }
        updateCount();
    }

    /**
     * With Follow on, brings the newest line into view. After the pulse that lays the new lines out:
     * a list scrolled before it knows its new length stops at the old end.
     */
    private void scrollToEnd() {
        if (model.followProperty().get()) {
            javafx.application.Platform.runLater(() -> {
                if (model.followProperty().get() && !list.getItems().isEmpty()) {
                    list.layout();
                    list.scrollTo(list.getItems().size() - 1);
                }
            });
        }
    }

    private void updateCount() {
        String name = model.serviceProperty().get();
        count.setText(model.visibleLines(name).size() + " of " + model.totalLines(name) + " lines");
    }

    public void dispose() {
        poller.stop();
    }

    /** A log line, coloured by level. */
    private static final class LogCell extends ListCell<LogEntry> {
        @Override
        protected void updateItem(LogEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeIf(c -> c.startsWith("level-"));
            if (empty || entry == null) {
                setText(null);
                return;
            }
            setText(LogFormat.line(entry));
            Level level = entry.level();
            if (level.intValue() >= Level.SEVERE.intValue()) {
                getStyleClass().add("level-severe");
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                getStyleClass().add("level-warning");
            } else if (level.intValue() < Level.INFO.intValue()) {
                getStyleClass().add("level-fine");
            }
        }
    }
}
