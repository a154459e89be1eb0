package org.opsconsole.console.ui.services;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.supervisor.ServiceState;

import java.util.Locale;

/**
 * One service: its state, where it listens, how long it has run, health and version, the reason
 * it failed, and Start / Stop / Restart with a restart-on-failure switch. Every control has a
 * stable id ending in the service name: "start-users", "state-orders", ...
 */
public final class ServiceCard extends VBox {

    private final ServiceCardViewModel model;
    private final Label state = new Label();

    private final Runnable remove;

    public ServiceCard(ServiceCardViewModel model) {
        this(model, null);
    }

    /** @param remove what "Remove" does, for a service added at run time; null shows no such button */
    public ServiceCard(ServiceCardViewModel model, Runnable remove) {
        this.model = model;
        this.remove = remove;
        createView();
    }

    /** The part of node ids that names a service: "users", or "users-127-0-0-1-8081" for "users (127.0.0.1:8081)". */
    public static String idOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    public ServiceCardViewModel model() {
        return model;
    }

    private void createView() {
        String name = idOf(model.name());
        getStyleClass().add("service-card");
        setId("card-" + name);

        Label title = new Label(model.name().equals(model.kind()) ? capitalise(model.name()) : model.name());
        title.setId("title-" + name);
        title.getStyleClass().add("card-title");
        state.setId("state-" + name);
        state.getStyleClass().add("state-badge");
        state.textProperty().bind(model.stateProperty().asString());
        model.stateProperty().subscribe(this::styleState);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(10, title, grow, state);
        header.setAlignment(Pos.CENTER_LEFT);

        TextField url = new TextField();
        url.setId("url-" + name);
        url.setEditable(false);
        url.getStyleClass().add("url-field");
        url.textProperty().bind(model.urlProperty());
        url.setPromptText("not running");
        Button copy = new Button("Copy");
        copy.setId("copy-url-" + name);
        copy.getStyleClass().add(Styles.SMALL);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setTooltip(new Tooltip("Copy the URL to the clipboard"));
        copy.disableProperty().bind(model.urlProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.urlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox urlRow = new HBox(6, url, copy);
        urlRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(url, Priority.ALWAYS);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);   // the longest field name, never cut
        facts.getColumnConstraints().addAll(names, new ColumnConstraints());
        facts.addRow(0, fieldName("URL"), urlRow);
        GridPane.setHgrow(urlRow, Priority.ALWAYS);
        facts.addRow(1, fieldName("Uptime"), value("uptime-" + name, model.uptimeProperty()));
        facts.addRow(2, fieldName("Health"), value("health-" + name, model.healthProperty()));
        facts.addRow(3, fieldName("Version"), value("version-" + name, model.versionProperty()));
        facts.addRow(4, fieldName("Traffic"), value("traffic-" + name, model.trafficProperty()));
        facts.addRow(5, fieldName("Database"), value("database-" + name, model.databaseProperty()));
        Label instances = value("instances-" + name, model.instancesProperty());
        instances.setWrapText(true);
        facts.addRow(6, fieldName("Instances"), instances);

        Label warning = new Label();
        warning.setId("warning-" + name);
        warning.getStyleClass().add("service-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        Label reason = new Label();
        reason.setId("reason-" + name);
        reason.getStyleClass().add("failure-reason");
        reason.textProperty().bind(model.reasonProperty());
        reason.visibleProperty().bind(model.reasonProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        reason.setMaxWidth(Double.MAX_VALUE);

        Button start = button("Start", "start-" + name, Styles.SUCCESS);
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> model.start());
        Button stop = button("Stop", "stop-" + name, Styles.DANGER);
        stop.disableProperty().bind(model.canStopProperty().not());
        stop.setOnAction(e -> model.stop());
        Button restart = button("Restart", "restart-" + name, null);
        restart.disableProperty().bind(model.stateProperty().isNotEqualTo(ServiceState.RUNNING)
                .and(model.stateProperty().isNotEqualTo(ServiceState.FAILED))
                .or(model.controllableProperty().not()));
        restart.setOnAction(e -> model.restart());

        ToggleSwitch autoRestart = new ToggleSwitch("Restart on failure");
        autoRestart.setId("restart-on-failure-" + name);
        autoRestart.setSelected(model.restartOnFailureProperty().get());
        autoRestart.selectedProperty().addListener((obs, was, on) -> model.setRestartOnFailure(on));
        autoRestart.setTooltip(new Tooltip("Start it again when it fails, waiting 1 s, 2 s, 4 s ... up to 30 s between tries"));

        Label controlNote = new Label();
        controlNote.setId("control-note-" + name);
        controlNote.setWrapText(true);
        controlNote.textProperty().bind(model.controlNoteProperty());
        controlNote.visibleProperty().bind(model.controlNoteProperty().isNotEmpty());
        controlNote.managedProperty().bind(controlNote.visibleProperty());
        autoRestart.disableProperty().bind(model.controllableProperty().not());
        HBox actions = new HBox(8, start, stop, restart);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(4, 0, 0, 0));

        if (remove != null) {
            Button forget = button("Remove", "remove-" + name, null);
            forget.setTooltip(new Tooltip("Stop watching this service and forget it and its token; the service keeps running"));
            forget.setOnAction(e -> remove.run());
            actions.getChildren().add(forget);
            Label kind = new Label("A " + model.kind() + " service, added here");
            kind.getStyleClass().add("field-name");
            getChildren().addAll(header, kind, facts, warning, reason, controlNote, actions);
            return;
        }
        getChildren().addAll(header, facts, warning, reason, controlNote, actions, autoRestart);
    }

    private void styleState(ServiceState value) {
        state.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
        state.getStyleClass().add("state-" + value.name().toLowerCase(Locale.ROOT));
    }

    private static Label fieldName(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-name");
        return label;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    private static Button button(String text, String id, String style) {
        Button button = new Button(text);
        button.setId(id);
        if (style != null) {
            button.getStyleClass().add(style);
        }
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1) + " service";
    }
}
