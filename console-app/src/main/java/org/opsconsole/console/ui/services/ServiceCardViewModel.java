package org.opsconsole.console.ui.services;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.supervisor.InstanceStatus;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.console.supervisor.ServiceStatus;
import org.opsconsole.console.supervisor.WatchedService;
import org.opsconsole.console.ui.fx.FxThread;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One service card's state, for binding: follows its supervisor (whose listener runs on the
 * supervisor's thread and is handed to the FX thread here). Commands go straight to the supervisor,
 * which queues them off the FX thread.
 */
public final class ServiceCardViewModel {

    private static final DateTimeFormatter RETRY_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final WatchedService supervisor;
    private final MetricsHistory metrics;
    private final Clock clock;
    private final Consumer<ServiceStatus> listener = status -> FxThread.run(() -> apply(status));

    // Properties //

    private final ReadOnlyObjectWrapper<ServiceStatus> status;
    private final ReadOnlyObjectWrapper<ServiceState> state = new ReadOnlyObjectWrapper<>(ServiceState.STOPPED);
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper health = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper traffic = new ReadOnlyStringWrapper("-");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("-");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper restartOnFailure = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper controllable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper controlNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper instances = new ReadOnlyStringWrapper("-");

    public ServiceCardViewModel(WatchedService supervisor, MetricsHistory metrics, Clock clock) {
        this.supervisor = supervisor;
        this.metrics = metrics;
        this.clock = clock;
        this.status = new ReadOnlyObjectWrapper<>(supervisor.status());
        this.restartOnFailure.set(supervisor.isRestartOnFailure());
        supervisor.whyNotControllable().ifPresent(why -> {
            controllable.set(false);
            controlNote.set(why);
        });
        apply(supervisor.status());
        supervisor.addListener(listener);
    }

    public String name() {
        return supervisor.name();
    }

    /** "users" or "orders", whatever the service is called. */
    public String kind() {
        return supervisor.kind();
    }

    public ReadOnlyObjectProperty<ServiceStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ServiceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** What the running service works without now (its broker, the user service), as its health says; empty when nothing. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** The last second's requests/s, p99 and errors/s, from the metrics history. */
    public ReadOnlyStringProperty trafficProperty() {
        return traffic.getReadOnlyProperty();
    }

    /** The database file's size on disk, from the metrics history ("-" when it is not a file). */
    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    /** False for a service that runs elsewhere: the console can't start, stop or restart it. */
    public ReadOnlyBooleanProperty controllableProperty() {
        return controllable.getReadOnlyProperty();
    }

    /** Why the console can't start or stop it, in words; empty when it can. */
    public ReadOnlyStringProperty controlNoteProperty() {
        return controlNote.getReadOnlyProperty();
    }

    /** One line per instance: its URL and whether it is reachable, unhealthy or unreachable, and why. */
    public ReadOnlyStringProperty instancesProperty() {
        return instances.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty restartOnFailureProperty() {
        return restartOnFailure.getReadOnlyProperty();
    }

    // Commands //

    public void start() {
        supervisor.start();
    }

    public void stop() {
        supervisor.stop();
    }

    public void restart() {
        supervisor.restart();
    }

    public void setRestartOnFailure(boolean on) {
        restartOnFailure.set(on);
        supervisor.setRestartOnFailure(on);
    }

    /** Refreshes the uptime text; the view calls it once a second. */
    public void tick() {
        ServiceStatus current = status.get();
        uptime.set(current.state() == ServiceState.RUNNING ? formatUptime(current.uptime(clock.instant())) : "-");
        traffic.set(current.state() == ServiceState.RUNNING ? trafficText() : "-");
        database.set(current.state() == ServiceState.RUNNING ? databaseText() : "-");
        if (current.state() == ServiceState.FAILED) {
            reason.set(reasonText(current));
        }
    }

    /** Stops listening to the supervisor. */
    public void dispose() {
        supervisor.removeListener(listener);
    }

    private void apply(ServiceStatus next) {
        status.set(next);
        state.set(next.state());
        url.set(next.baseUri() == null ? "" : next.baseUri().toString());
        version.set(next.version() == null ? "-" : next.version());
        health.set(switch (next.state()) {
            case RUNNING -> !next.healthy() ? "not answering" : next.warning() != null ? "degraded" : "healthy";
            case STARTING -> "starting";
            default -> "-";
        });
        reason.set(next.state() == ServiceState.FAILED ? reasonText(next) : "");
        warning.set(next.state() == ServiceState.RUNNING && next.warning() != null ? "Degraded: " + next.warning() : "");
        canStart.set(controllable.get() && next.state().canStart());
        canStop.set(controllable.get()
                && (next.state().canStop() || next.state() == ServiceState.FAILED && next.nextRetryAt() != null));
        List<InstanceStatus> found = supervisor.instances();
        instances.set(found.isEmpty() ? "-" : found.stream().map(InstanceStatus::describe).collect(Collectors.joining("\n")));
        tick();
    }

    private String reasonText(ServiceStatus failed) {
        String text = failed.reason() == null ? "failed" : failed.reason();
        Instant retry = failed.nextRetryAt();
        if (retry != null) {
            long seconds = Math.max(0, Duration.between(clock.instant(), retry).toSeconds());
            text += " (trying again at " + RETRY_TIME.format(retry) + (seconds > 0 ? ", in " + seconds + " s)" : ")");
        }
        return text;
    }

    private String trafficText() {
        double rps = metrics.latest(new SeriesKey(name(), Metric.REQUESTS_PER_SECOND));
        if (Double.isNaN(rps)) {
            return "waiting for the first figures";
        }
        double p99 = metrics.latest(new SeriesKey(name(), Metric.LATENCY_P99));
        double errors = metrics.latest(new SeriesKey(name(), Metric.CLIENT_ERRORS_PER_SECOND))
                + metrics.latest(new SeriesKey(name(), Metric.SERVER_ERRORS_PER_SECOND));
        return String.format(java.util.Locale.ROOT, "%.1f req/s · p99 %s · %.1f err/s", rps,
                Double.isNaN(p99) ? "–" : String.format(java.util.Locale.ROOT, "%.1f ms", p99), Double.isNaN(errors) ? 0.0 : errors);
    }

    private String databaseText() {
        double mib = metrics.latest(new SeriesKey(name(), Metric.DB_FILE_MB));
        return Double.isNaN(mib) ? "-" : String.format(java.util.Locale.ROOT, "file %.1f MB on disk", mib);
    }

    static String formatUptime(Duration uptime) {
        long seconds = uptime.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            // whole minutes: a card that changes every second is laid out and drawn every second
            return (seconds / 60) + " min";
        }
        long days = seconds / 86400;
        String hm = ((seconds % 86400) / 3600) + " h " + ((seconds % 3600) / 60) + " min";
        return days > 0 ? days + " d " + hm : hm;
    }
}
