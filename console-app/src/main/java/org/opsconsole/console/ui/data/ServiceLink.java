package org.opsconsole.console.ui.data;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.opsconsole.console.supervisor.ServiceState;
import org.opsconsole.console.supervisor.ServiceStatus;
import org.opsconsole.console.supervisor.WatchedService;
import org.opsconsole.console.ui.fx.FxThread;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One supervised service as the Data screen sees it: whether it can be called now, a sentence
 * saying why not, and a way to start it. Status changes arrive on the supervisor's thread and are
 * applied on the FX thread.
 */
public final class ServiceLink {

    private volatile WatchedService supervisor;
    private final String noun;
    /** A late word from a service no longer followed is dropped. */
    private final Consumer<ServiceStatus> listener = status -> FxThread.run(() -> {
        if (status.name().equals(supervisor.name())) {
            apply(status);
        }
    });
    private volatile ServiceStatus status;

    // Properties //

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper startable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");

    /** @param noun what the service holds, for sentences: "users", "orders" */
    public ServiceLink(WatchedService supervisor, String noun) {
        this.supervisor = supervisor;
        this.noun = noun;
        this.status = supervisor.status();
        apply(status);
        supervisor.addListener(listener);
    }

    public String name() {
        return supervisor.name();
    }

    /** The service followed now. */
    public WatchedService service() {
        return supervisor;
    }

    /** Follows {@code another} service from now on (the operator chose which one the screen works with); on the FX thread. */
    public void follow(WatchedService another) {
        if (another == supervisor) {
            return;
        }
        supervisor.removeListener(listener);
        supervisor = another;
        apply(another.status());
        another.addListener(listener);
    }

    /** True while the service is running and can be called. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startableProperty() {
        return startable.getReadOnlyProperty();
    }

    /** Why the service can't be used right now; empty while it runs. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Where to call it now, from any thread; empty unless RUNNING. */
    public Optional<URI> uri() {
        ServiceStatus now = status;
        return now.state() == ServiceState.RUNNING ? now.uri() : Optional.empty();
    }

    /** The sentence for a call that found the service not running. */
    public String notRunningSentence() {
        return "The " + supervisor.name() + " service is not running, so " + noun + " can't be shown or changed.";
    }

    // Commands //

    /** Asks the supervisor to start the service; the result shows through the properties. */
    public void start() {
        startable.set(false);
        explanation.set("Starting the " + supervisor.name() + " service…");
        supervisor.start();
    }

    public void dispose() {
        supervisor.removeListener(listener);
    }

    private void apply(ServiceStatus value) {
        status = value;
        ServiceState state = value.state();
        available.set(state == ServiceState.RUNNING);
        startable.set(state.canStart());
        String name = supervisor.name();
        explanation.set(switch (state) {
            case RUNNING -> "";
            case STARTING -> "The " + name + " service is starting…";
            case STOPPING -> "The " + name + " service is stopping.";
            case STOPPED -> "The " + name + " service is stopped. Start it to browse and change " + noun + ".";
            case FAILED -> "The " + name + " service failed" + value.failureReason().map(r -> ": " + r).orElse(".")
                    + " Start it again to browse and change " + noun + ".";
        });
    }
}
