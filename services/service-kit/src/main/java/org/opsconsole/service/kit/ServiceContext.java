package org.opsconsole.service.kit;

import java.util.logging.Logger;

/**
 * What a service's own code gets from the kit once its database is open.
 *
 * @param broker the broker that carries the events; null when the service runs without one
 * @param dependencies where the service names what else it uses, for its health answer
 */
public record ServiceContext(String name, String version, ServiceConfig config, Database database,
                             Outbox outbox, ServiceMetrics metrics, Logger log, Broker broker, Dependencies dependencies) {
}
