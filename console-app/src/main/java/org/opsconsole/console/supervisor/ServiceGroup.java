package org.opsconsole.console.supervisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The services the console watches: the users and orders services it works with (embedded, or
 * attached when it was started with {@code --attach}), and any added at run time next to them.
 * An attached service is left alone by "start all" and "stop all". The order service asks the user
 * service whether a user exists, so when the user service's port is only known once it runs (port
 * 0), "start all" starts it first; with a fixed port both start at once. "Stop all" stops orders
 * before users. Thread-safe; listeners hear every addition and removal.
 */
public final class ServiceGroup implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceGroup.class.getName());

    private final WatchedService users;
    private final WatchedService orders;
    private final boolean usersPortKnownInAdvance;
    private final List<WatchedService> added = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public ServiceGroup(WatchedService users, WatchedService orders, boolean usersPortKnownInAdvance) {
        this.users = users;
        this.orders = orders;
        this.usersPortKnownInAdvance = usersPortKnownInAdvance;
    }

    public WatchedService users() {
        return users;
    }

    public WatchedService orders() {
        return orders;
    }

    /** Users, orders, then those added at run time, in the order they were added. */
    public List<WatchedService> all() {
        List<WatchedService> all = new ArrayList<>(List.of(users, orders));
        all.addAll(added);
        return List.copyOf(all);
    }

    /** Those added at run time. */
    public List<WatchedService> added() {
        return List.copyOf(added);
    }

    /** Every service of one kind ("users" or "orders"), the console's own first. */
    public List<WatchedService> ofKind(String kind) {
        return all().stream().filter(s -> s.kind().equals(kind)).toList();
    }

    public Optional<WatchedService> named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Watches one more service; its name must be new. */
    public void add(WatchedService service) {
        synchronized (this) {
            if (named(service.name()).isPresent()) {
                throw new IllegalArgumentException("The console already watches a service called " + service.name() + ".");
            }
            added.add(service);
        }
        changed();
    }

    /** Stops watching an added service and closes it; the console's own users and orders stay. */
    public Optional<WatchedService> remove(String name) {
        Optional<WatchedService> gone;
        synchronized (this) {
            gone = added.stream().filter(s -> s.name().equals(name)).findFirst();
            gone.ifPresent(added::remove);
        }
        gone.ifPresent(s -> {
            s.close();
            changed();
        });
        return gone;
    }

    /** Heard, on the thread that changed it, after a service is added or removed. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    public CompletableFuture<Void> startAll() {
        if (usersPortKnownInAdvance || users.whyNotControllable().isPresent()) {
            return CompletableFuture.allOf(users.start(), orders.start());
        }
        return users.start().thenCompose(ignored -> orders.start()).thenApply(ignored -> null);
    }

    public CompletableFuture<Void> stopAll() {
        return orders.stop().thenCompose(ignored -> users.stop()).thenApply(ignored -> null);
    }

    /** Stops both and waits (bounded): what closing the window does. */
    @Override
    public void close() {
        try {
            stopAll().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "stopping the services did not finish in time", e);
        }
        added.forEach(WatchedService::close);
        orders.close();
        users.close();
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a service-list listener failed", e);
            }
        }
    }
}
