package org.opsconsole.console.ui;

import javafx.scene.Node;
import org.opsconsole.console.load.report.RunStore;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.ui.events.EventsView;
import org.opsconsole.console.ui.events.EventsViewModel;
import org.opsconsole.console.ui.fx.FxThread;
import org.opsconsole.console.ui.load.LoadView;
import org.opsconsole.console.ui.load.LoadViewModel;
import org.opsconsole.console.ui.logs.LogsView;
import org.opsconsole.console.ui.logs.LogsViewModel;
import org.opsconsole.console.ui.metrics.MetricsView;
import org.opsconsole.console.ui.metrics.MetricsViewModel;
import org.opsconsole.console.ui.services.ServicesView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Builds each screen's view the first time it is shown, and keeps it. This is where a screen is
 * plugged in, in {@link #create}.
 */
public final class ScreenViews {

    private final ConsoleSession session;
    private final Executor io;
    private final Clock clock;
    private final Map<Screen, Node> views = new EnumMap<>(Screen.class);

    private final ConsolePreferences preferences;
    private final List<Runnable> serviceListeners = new java.util.ArrayList<>();

    public ScreenViews(ConsoleSession session, ConsolePreferences preferences, Executor io, Clock clock) {
        this.session = session;
        this.preferences = preferences;
        this.io = io;
        this.clock = clock;
    }

    /** The view of a screen, built on first use; on the FX thread. */
    public Node view(Screen screen) {
        return views.computeIfAbsent(screen, s -> {
            Node view = create(s);
            view.setId(s.viewId());
            return view;
        });
    }

    /** The Load screen's model while a run is going on. */
    public java.util.Optional<LoadViewModel> runningLoad() {
        return views.get(Screen.LOAD) instanceof LoadView load && load.model().runningProperty().get()
                ? java.util.Optional.of(load.model()) : java.util.Optional.empty();
    }

    /** Views built so far. */
    public Map<Screen, Node> built() {
        return Map.copyOf(views);
    }

    private Node create(Screen screen) {
        List<String> services = List.of(ConsoleSession.USERS, ConsoleSession.ORDERS);
        return switch (screen) {
            case SERVICES -> new ServicesView(session, io, clock);
            case METRICS -> {
                MetricsViewModel model = new MetricsViewModel(session.metrics(), io, clock);
                model.windowMinutesProperty().set(preferences.metricsWindowMinutes());
                model.windowMinutesProperty().addListener((obs, was, now) -> preferences.saveMetricsWindowMinutes(now.intValue()));
                MetricsView view = new MetricsView(model, session::metricSeries,
                        () -> session.options().attached().isEmpty() && session.services().added().isEmpty());
                whenServicesChange(view::showSeries);
                yield view;
            }
            case DATA -> new org.opsconsole.console.ui.data.DataView(session.services(), session.http(), session.events());
            case LOAD -> {
                LoadViewModel model = new LoadViewModel(loadRuns(), session.metrics(), services, io, clock);
                // until a service on "any free port" runs, its address is unknown: no default port is assumed
                ConsoleOptions options = session.options();
                model.serviceAt(ConsoleSession.USERS, options.userPort() == 0 ? "" : "http://" + options.host() + ":" + options.userPort());
                model.serviceAt(ConsoleSession.ORDERS, options.orderPort() == 0 ? "" : "http://" + options.host() + ":" + options.orderPort());
                List.of(session.services().users(), session.services().orders()).forEach(model::followService);
                model.form().setTokens(session.http()::tokenFor);
                model.setServicesShareOneJvm(session.options().attached().isEmpty());
                yield new LoadView(model);
            }
            case LOGS -> new LogsView(new LogsViewModel(services.stream().map(session::log).toList(), io,
                    session.logsNotAvailable()));
            case EVENTS -> new EventsView(new EventsViewModel(session.events()), services);
        };
    }

    /**
     * Saved load runs live beside the services' databases; a console whose services run in memory
     * (tests) keeps them in a temporary folder, so it never writes into the user's data folder.
     */
    private RunStore loadRuns() {
        if (session.options().folders() != null) {
            return new RunStore(session.options().folders().loadRuns());
        }
        try {
            Path folder = Files.createTempDirectory("opsconsole-load-runs");
            folder.toFile().deleteOnExit();
            return new RunStore(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("can't make a folder for the load runs", e);
        }
    }

    /** Runs {@code update} on the FX thread after every service added or removed, until {@link #dispose}. */
    private void whenServicesChange(Runnable update) {
        Runnable listener = () -> FxThread.run(update);
        session.services().addListener(listener);
        serviceListeners.add(listener);
    }

    /** Stops every view's timers and listeners. */
    public void dispose() {
        serviceListeners.forEach(session.services()::removeListener);
        for (Node view : views.values()) {
            switch (view) {
                case ServicesView v -> v.dispose();
                case MetricsView v -> v.model().dispose();
                case LogsView v -> v.dispose();
                case EventsView v -> v.dispose();
                case org.opsconsole.console.ui.data.DataView v -> v.dispose();
                case LoadView v -> v.dispose();
                default -> {
                    // nothing running
                }
            }
        }
    }
}
