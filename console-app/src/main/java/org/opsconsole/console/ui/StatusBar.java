package org.opsconsole.console.ui;

import org.opsconsole.console.ui.fx.FxThread;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.session.ConsoleVersion;
import org.opsconsole.console.supervisor.ServiceStatus;
import org.opsconsole.console.supervisor.WatchedService;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The bottom line: the services' states, the data folder, and versions. */
public final class StatusBar extends HBox {

    private final Label services = new Label();
    private final Label message = new Label();
    private final Label versions = new Label();
    private final javafx.scene.control.Tooltip versionsTip = new javafx.scene.control.Tooltip();
    private final Map<String, ServiceStatus> statuses = new LinkedHashMap<>();

    public StatusBar(ConsoleSession session) {
        getStyleClass().add("status-bar");
        services.setId("status-services");
        message.setId("status-message");
        Label folder = new Label("Data: " + session.options().dataLocation());
        folder.setId("status-data-folder");
        versions.setId("status-versions");
        services.setMinWidth(Region.USE_PREF_SIZE);
        // a long folder gives way first, keeping its end (the folder's own name); the whole path is in its tooltip
        folder.setMinWidth(120);
        folder.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        folder.setTooltip(new javafx.scene.control.Tooltip(session.options().dataLocation()));
        versions.setMinWidth(Region.USE_PREF_SIZE);
        versions.setTooltip(versionsTip);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(services, message, grow, folder, versions);
        for (WatchedService supervisor : session.services().all()) {
            statuses.put(supervisor.name(), supervisor.status());
            supervisor.addListener(status -> FxThread.run(() -> {
                statuses.put(status.name(), status);
                update();
            }));
        }
        update();
    }

    /** A transient message such as "Stopping services…". */
    public void setMessage(String text) {
        message.setText(text);
    }

    private void update() {
        services.setText(statuses.values().stream()
                .map(s -> s.name() + " " + s.state().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining("  ·  ")));
        String serviceVersions = statuses.values().stream()
                .filter(s -> s.version() != null)
                .map(s -> s.name() + " " + s.version())
                .collect(Collectors.joining(" · "));
        // the bar names the console's version; every version is in its tooltip
        versions.setText("Ops Console " + ConsoleVersion.current());
        versionsTip.setText("Ops Console " + ConsoleVersion.current()
                + (serviceVersions.isEmpty() ? "" : "\n" + serviceVersions.replace(" · ", "\n"))
                + "\nJava " + Runtime.version().feature()
                + "\nJavaFX " + System.getProperty("javafx.runtime.version", "?").replaceAll("\\+.*", ""));
    }
}
