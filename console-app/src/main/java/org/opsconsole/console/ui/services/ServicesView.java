package org.opsconsole.console.ui.services;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.supervisor.ServiceGroup;

import java.time.Clock;
import java.util.List;

/** The Services screen: one card per embedded service, Start all and Stop all. */
public final class ServicesView extends VBox {

    private final ServiceGroup services;
    private final List<ServiceCard> cards;
    private final Timeline ticker;

    public ServicesView(ServiceGroup services, MetricsHistory metrics, Clock clock) {
        this.services = services;
        this.cards = services.all().stream().map(s -> new ServiceCard(new ServiceCardViewModel(s, metrics, clock))).toList();
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> cards.forEach(c -> c.model().tick())));
        ticker.setCycleCount(Animation.INDEFINITE);
        createView();
        ticker.play();
    }

    private void createView() {
        getStyleClass().add("screen");
        Label title = new Label("Services");
        title.getStyleClass().add("screen-title");
        Button startAll = new Button("Start all");
        startAll.setId("start-all");
        startAll.setOnAction(e -> services.startAll());
        Button stopAll = new Button("Stop all");
        stopAll.setId("stop-all");
        stopAll.setOnAction(e -> services.stopAll());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, title, grow, startAll, stopAll);
        header.getStyleClass().add("toolbar-row");

        HBox grid = new HBox(14);
        for (ServiceCard card : cards) {
            HBox.setHgrow(card, Priority.ALWAYS);
            card.setMaxWidth(560);
            grid.getChildren().add(card);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        List<String> own = services.all().stream().filter(s -> s.whyNotControllable().isEmpty()).map(s -> s.name()).toList();
        startAll.setDisable(own.isEmpty());
        stopAll.setDisable(own.isEmpty());
        Label hint = new Label(hint(own));
        hint.setId("services-hint");
        hint.getStyleClass().add("placeholder-text");
        getChildren().addAll(header, scroll, hint);
    }

    private String hint(List<String> own) {
        if (own.size() == services.all().size()) {
            return "Both services run inside this window's process. Closing the window stops them.";
        }
        if (own.isEmpty()) {
            return "Both services run elsewhere: the console watches them, and closing the window leaves them running.";
        }
        String elsewhere = services.all().stream().map(s -> s.name()).filter(n -> !own.contains(n)).findFirst().orElseThrow();
        return "The " + own.getFirst() + " service runs inside this window's process (closing the window stops it); the "
                + elsewhere + " service runs elsewhere. Start all and Stop all concern the " + own.getFirst() + " service.";
    }

    public List<ServiceCard> cards() {
        return cards;
    }

    /** Stops the uptime clock and the listeners. */
    public void dispose() {
        ticker.stop();
        cards.forEach(c -> c.model().dispose());
    }
}
