package org.opsconsole.console.supervisor;

import org.opsconsole.service.kit.ServiceConfig;

import java.util.function.Supplier;

/**
 * What the supervisor needs to know about one service before it ever runs.
 *
 * @param name        "users" or "orders"
 * @param loggerName  the java.util.logging logger the service writes to (known up front so its log
 *                    can be captured across restarts)
 * @param launcher    how to start it
 * @param config      the configuration for the next start (asked at every start, so it can depend on
 *                    where another service listens right now)
 */
public record ServiceSpec(String name, String loggerName, ServiceLauncher launcher, Supplier<ServiceConfig> config) {
}
