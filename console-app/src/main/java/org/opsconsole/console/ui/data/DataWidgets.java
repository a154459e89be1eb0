package org.opsconsole.console.ui.data;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/** Small pieces both data tabs build the same way: columns, sorting, the offline banner, the pager. */
final class DataWidgets {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private DataWidgets() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A column of times, kept wide enough to show the whole "2026-11-28 23:03". */
    static <T> TableColumn<T, String> timeColumn(String id, String title, Function<T, Instant> value) {
        TableColumn<T, String> column = column(id, title, 150, row -> time(value.apply(row)));
        column.setMinWidth(150);
        return column;
    }

    static <T> TableColumn<T, String> column(String id, String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    static Button button(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** "The users service is stopped. [Start users service]", shown only while it can't be called. */
    static HBox offlineBanner(String prefix, ServiceLink link) {
        Label text = new Label();
        text.setId(prefix + "-offline-text");
        text.setWrapText(true);
        text.textProperty().bind(link.explanationProperty());
        Button start = button(prefix + "-start", "Start " + link.name() + " service");
        start.getStyleClass().add("accent");
        start.visibleProperty().bind(link.startableProperty());
        start.managedProperty().bind(link.startableProperty());
        start.setOnAction(e -> link.start());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox banner = new HBox(12, text, grow, start);
        banner.setId(prefix + "-offline");
        banner.setStyle("-fx-background-color: -color-warning-subtle; -fx-border-color: -color-warning-emphasis; "
                + "-fx-border-radius: 4; -fx-background-radius: 4; -fx-padding: 8 12 8 12; -fx-alignment: center-left;");
        banner.visibleProperty().bind(link.availableProperty().not());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /**
     * Clicking a column header asks the service for that order ({@code sort} gets the column's key,
     * '-' first for descending); the table never sorts the rows it holds.
     */
    static <T> void sortedByService(TableView<T> table, Map<String, String> keyOfColumnId, StringProperty sort) {
        table.getColumns().forEach(c -> c.setSortable(keyOfColumnId.containsKey(c.getId())));
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                sort.set("id");
                return true;
            }
            TableColumn<T, ?> column = t.getSortOrder().getFirst();
            String key = keyOfColumnId.getOrDefault(column.getId(), "id");
            sort.set(column.getSortType() == TableColumn.SortType.DESCENDING ? "-" + key : key);
            return true;
        });
    }

    /** The status line with the page shown ("1–50 of 10,000") and First, Previous, Next and Last. */
    static HBox pager(String prefix, PagedList model) {
        Button first = button(prefix + "-first", "First");
        Button previous = button(prefix + "-previous", "◀ Previous");
        Button next = button(prefix + "-next", "Next ▶");
        Button last = button(prefix + "-last", "Last");
        first.setOnAction(e -> model.firstPage());
        previous.setOnAction(e -> model.previousPage());
        next.setOnAction(e -> model.nextPage());
        last.setOnAction(e -> model.lastPage());
        Label page = new Label();
        page.setId(prefix + "-page");
        page.textProperty().bind(model.pageTextProperty());
        Runnable enable = () -> {
            first.setDisable(!model.hasPrevious());
            previous.setDisable(!model.hasPrevious());
            next.setDisable(!model.hasNext());
            last.setDisable(!model.hasNext());
        };
        model.offsetProperty().addListener((obs, was, now) -> enable.run());
        model.totalProperty().addListener((obs, was, now) -> enable.run());
        enable.run();
        HBox line = statusLine(prefix, model.calls(), page);
        line.getChildren().addAll(first, previous, next, last);
        return line;
    }

    /** A spinner while calls run and the last sentence; red when it reports a failure. */
    private static HBox statusLine(String prefix, Calls calls, Label page) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId(prefix + "-progress");
        progress.setPrefSize(16, 16);
        progress.setMaxSize(16, 16);
        progress.visibleProperty().bind(calls.busyProperty());
        Label message = new Label();
        message.setId(prefix + "-message");
        message.textProperty().bind(calls.messageProperty());
        calls.failedProperty().addListener((obs, was, now) -> message.setStyle(now ? "-fx-text-fill: -color-danger-fg;" : ""));
        message.setMaxWidth(Double.MAX_VALUE);
        message.setWrapText(true);   // a refusal is read in full, never cut to "..."
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        page.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinSize(16, 16);
        HBox line = new HBox(8, progress, message, page);
        line.setStyle("-fx-alignment: center-left;");
        return line;
    }
}
