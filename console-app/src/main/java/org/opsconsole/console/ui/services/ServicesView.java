package org.opsconsole.console.ui.services;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opsconsole.console.session.AddedService;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.supervisor.ServiceGroup;
import org.opsconsole.console.supervisor.WatchedService;
import org.opsconsole.console.ui.fx.Confirm;
import org.opsconsole.console.ui.fx.FxThread;
import org.opsconsole.console.ui.fx.FxTicker;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The Services screen: a card per service (the console's users and orders, then those added at run
 * time), Start all and Stop all, and "Add service..." to watch one running elsewhere. Adding and
 * removing (which write the list and ask the desktop's secret store) run off the FX thread; the
 * outcome is said in a line under the header.
 */
public final class ServicesView extends VBox {

    private final ConsoleSession session;
    private final ServiceGroup services;
    private final Executor io;
    private final Clock clock;
    private final Map<String, ServiceCard> cards = new LinkedHashMap<>();
    private final FlowPane grid = new FlowPane(14, 14);
    private final Label hint = new Label();
    private final Label message = new Label();
    private final Button startAll = new Button("Start all");
    private final Button stopAll = new Button("Stop all");
    private final Runnable listener = () -> FxThread.run(this::showCards);
    private final FxTicker ticker;

    public ServicesView(ConsoleSession session, Executor io, Clock clock) {
        this.session = session;
        this.services = session.services();
        this.io = io;
        this.clock = clock;
        createView();
        showCards();
        services.addListener(listener);
        this.ticker = FxTicker.every(Duration.ofSeconds(1), this, () -> cards.values().forEach(c -> c.model().tick()));
    }

    private void createView() {
        getStyleClass().add("screen");
        Label title = new Label("Services");
        title.getStyleClass().add("screen-title");
        startAll.setId("start-all");
        startAll.setOnAction(e -> services.startAll());
        stopAll.setId("stop-all");
        stopAll.setOnAction(e -> services.stopAll());
        Button add = new Button("Add service…");
        add.setId("add-service");
        add.setOnAction(e -> openAddDialog());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, add, startAll, stopAll);
        header.getStyleClass().add("toolbar-row");

        message.setId("services-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        hint.setId("services-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("placeholder-text");
        getChildren().addAll(header, message, scroll, hint);
    }

    /** A card for every service watched now: new ones get one, removed ones lose theirs, the others stay as they are. */
    private void showCards() {
        List<WatchedService> now = services.all();
        List<String> names = now.stream().map(WatchedService::name).toList();
        cards.keySet().stream().filter(name -> !names.contains(name)).toList()
                .forEach(name -> cards.remove(name).model().dispose());
        for (WatchedService service : now) {
            cards.computeIfAbsent(service.name(), name -> {
                ServiceCardViewModel model = new ServiceCardViewModel(service, session.metrics().history(), clock);
                boolean added = services.added().contains(service);
                ServiceCard card = new ServiceCard(model, added ? () -> confirmRemove(name) : null);
                card.setPrefWidth(460);
                return card;
            });
        }
        grid.getChildren().setAll(new ArrayList<>(cards.values()));
        List<String> own = now.stream().filter(s -> s.whyNotControllable().isEmpty()).map(WatchedService::name).toList();
        startAll.setDisable(own.isEmpty());
        stopAll.setDisable(own.isEmpty());
        hint.setText(hint(own));
    }

    private String hint(List<String> own) {
        List<WatchedService> main = List.of(services.users(), services.orders());
        String added = services.added().isEmpty() ? ""
                : " Services added here run elsewhere; Remove stops watching one and leaves it running.";
        if (own.size() == main.size()) {
            return "Both services run inside this window's process. Closing the window stops them." + added;
        }
        if (own.isEmpty()) {
            return "Both services run elsewhere: the console watches them, and closing the window leaves them running." + added;
        }
        String elsewhere = main.stream().map(WatchedService::name).filter(n -> !own.contains(n)).findFirst().orElseThrow();
        return "The " + own.getFirst() + " service runs inside this window's process (closing the window stops it); the "
                + elsewhere + " service runs elsewhere. Start all and Stop all concern the " + own.getFirst() + " service." + added;
    }

    private void openAddDialog() {
        AddServiceDialog dialog = new AddServiceDialog(name -> services.named(name).isPresent());
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        CompletableFuture.supplyAsync(session::tokenKeeping, io).thenAccept(note -> FxThread.run(() -> dialog.tokenNote(note)));
        dialog.showAndWait().ifPresent(this::add);
    }

    private void add(AddServiceDialog.Result chosen) {
        AddedService service = chosen.service();
        message.setText("Adding " + service.name() + "…");
        CompletableFuture.supplyAsync(() -> session.addService(service, chosen.token()), io)
                .whenComplete((note, error) -> FxThread.run(() -> message.setText(error == null
                        ? "Watching " + service.name() + " at " + AddServiceDialog.urls(service) + ". " + note
                        : "Could not add " + service.name() + ": " + rootMessage(error))));
    }

    private void confirmRemove(String name) {
        Confirm.destructive(getScene() == null ? null : getScene().getWindow(), "remove-service-confirm", "Remove " + name,
                "Stop watching " + name + "?",
                "The console forgets " + name + " and its token. The service itself keeps running.",
                "Remove", "Keep watching", () -> remove(name)).show();
    }

    private void remove(String name) {
        CompletableFuture.runAsync(() -> session.removeService(name), io)
                .whenComplete((ignored, error) -> FxThread.run(() -> message.setText(error == null
                        ? "Removed " + name + ": the console no longer watches it."
                        : "Could not remove " + name + ": " + rootMessage(error))));
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    public List<ServiceCard> cards() {
        return List.copyOf(cards.values());
    }

    /** Stops the uptime clock and the listeners. */
    public void dispose() {
        ticker.stop();
        services.removeListener(listener);
        cards.values().forEach(c -> c.model().dispose());
    }
}
