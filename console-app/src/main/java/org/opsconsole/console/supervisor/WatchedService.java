package org.opsconsole.console.supervisor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A service the console watches: one it runs itself ({@link ServiceSupervisor}) or one running
 * elsewhere that it was attached to ({@link AttachedService}). Listeners hear every status change on
 * the service's own thread.
 */
public interface WatchedService extends AutoCloseable {

    /** What the console calls it: "users", "orders", or the name an added service was given. */
    String name();

    /** Which of the bundled services this is, whatever it is called: "users" or "orders". */
    default String kind() {
        return name();
    }

    ServiceStatus status();

    /** Each instance as last seen: one for an embedded service, one per URL for an attached one. */
    List<InstanceStatus> instances();

    /** Heard after every change; the current status is sent at once. */
    void addListener(Consumer<ServiceStatus> listener);

    void removeListener(Consumer<ServiceStatus> listener);

    /** Why the console can't start or stop this service, in words; empty when it can. */
    Optional<String> whyNotControllable();

    boolean isRestartOnFailure();

    void setRestartOnFailure(boolean on);

    CompletableFuture<ServiceStatus> start();

    CompletableFuture<ServiceStatus> stop();

    CompletableFuture<ServiceStatus> restart();

    @Override
    void close();
}
