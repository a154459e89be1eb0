package org.opsconsole.console.supervisor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The two services together, embedded or attached (an attached one is left alone by "start all"
 * and "stop all"). The order service asks the user service whether a user
 * exists, so when the user service's port is only known once it runs (port 0), "start all" starts
 * it first; with a fixed port both start at once. "Stop all" stops orders before users.
 */
public final class ServiceGroup implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceGroup.class.getName());

    private final WatchedService users;
    private final WatchedService orders;
    private final boolean usersPortKnownInAdvance;

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

    /** Users first, then orders: the order in the console's list. */
    public List<WatchedService> all() {
        return List.of(users, orders);
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
        orders.close();
        users.close();
    }
}
