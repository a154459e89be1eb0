package org.opsconsole.console.ui.events;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.events.EventFeed;
import org.opsconsole.console.events.EventStreamClient;
import org.opsconsole.console.ui.fx.FxTicker;
import org.opsconsole.model.ServiceEvent;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The Events screen: the live activity feed of both services, newest first. */
public final class EventsView extends VBox {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final EventsViewModel model;
    private final TableView<ServiceEvent> table = new TableView<>();
    private final Label count = new Label();
    private final FxTicker poller;
    private Runnable placeholderText = () -> { };

    public EventsView(EventsViewModel model, List<String> services) {
        this.model = model;
        createView(services);
        poller = FxTicker.every(Duration.ofMillis(250), this, () -> {
            model.poll();
            count.setText(model.visibleRows().size() + " of " + model.totalRows() + " events in the feed: each service's latest "
                    + EventStreamClient.FIRST_CONNECT_HISTORY + " when the console connected, then all new ones (the newest "
                    + String.format(java.util.Locale.ROOT, "%,d", EventFeed.DEFAULT_CAPACITY) + " kept)");
            placeholderText.run();
        });
    }

    private void createView(List<String> services) {
        getStyleClass().add("screen");
        Label title = new Label("Events");
        title.getStyleClass().add("screen-title");

        ToggleGroup group = new ToggleGroup();
        HBox serviceButtons = new HBox();
        List<String> choices = new java.util.ArrayList<>();
        choices.add(EventsViewModel.ALL);
        choices.addAll(services);
        for (int i = 0; i < choices.size(); i++) {
            String name = choices.get(i);
            ToggleButton button = new ToggleButton(name.equals(EventsViewModel.ALL) ? "Both" : name);
            button.setId("events-service-" + name);
            button.setToggleGroup(group);
            button.getStyleClass().add(i == 0 ? "left-pill" : i == choices.size() - 1 ? "right-pill" : "center-pill");
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

        TextField filter = new TextField();
        filter.setId("events-filter");
        filter.setPromptText("Type or content contains…");
        filter.textProperty().bindBidirectional(model.textProperty());
        filter.setPrefWidth(240);

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, grow, serviceButtons, filter);
        toolbar.getStyleClass().add("toolbar-row");

        table.setId("events-table");
        table.getStyleClass().addAll("dense", "striped");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Time", 130, e -> e.time() == null ? "" : TIME.format(e.time())),
                column("Service", 80, ServiceEvent::service),
                column("Event", 170, ServiceEvent::type),
                column("Subject", 80, e -> Long.toString(e.subjectId())),
                column("#", 60, e -> Long.toString(e.id())),
                column("Details", 300, e -> e.data() == null ? "" : e.data().toString())));
        table.setItems(model.visibleRows());
        // the whole event: a double click, Enter, or Details…
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<ServiceEvent> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showDetails(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                showDetails(table.getSelectionModel().getSelectedItem());
            }
        });
        Label placeholder = new Label();
        placeholder.setId("events-placeholder");
        table.setPlaceholder(placeholder);
        // empty because of the filters, or because nothing happened yet: it says which
        Runnable placeholderText = () -> placeholder.setText(model.totalRows() == 0
                ? "No events yet: create, change or delete a user or an order"
                : "No events match the filter (" + model.totalRows() + " events hidden)");
        placeholderText.run();
        this.placeholderText = placeholderText;
        model.textProperty().addListener((obs, was, now) -> placeholderText.run());
        model.serviceProperty().addListener((obs, was, now) -> placeholderText.run());
        VBox.setVgrow(table, Priority.ALWAYS);

        Label streams = new Label();
        streams.setId("events-streams");
        streams.getStyleClass().add("stream-state");
        streams.textProperty().bind(model.streamsProperty());
        count.setId("events-count");
        count.setTooltip(new javafx.scene.control.Tooltip("Every event stays in its service: GET /events?after=ID lists them all."));
        javafx.scene.control.Button details = new javafx.scene.control.Button("Details…");
        details.setId("events-details");
        details.setTooltip(new javafx.scene.control.Tooltip("The selected event's whole JSON (or double-click it)"));
        details.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        details.setOnAction(e -> showDetails(table.getSelectionModel().getSelectedItem()));
        details.setMinWidth(Region.USE_PREF_SIZE);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox footer = new HBox(16, count, streams, spring, details);
        footer.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(toolbar, table, footer);
    }

    private void showDetails(ServiceEvent event) {
        EventDetailsDialog dialog = new EventDetailsDialog(event);
        dialog.initOwner(getScene().getWindow());
        dialog.show();
    }

    private static TableColumn<ServiceEvent, String> column(String title, double width, Function<ServiceEvent, String> value) {
        TableColumn<ServiceEvent, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    public void dispose() {
        poller.stop();
    }
}
