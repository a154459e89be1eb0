package org.opsconsole.console.supervisor;

import org.opsconsole.service.kit.RunningService;

/** Asks a running service whether it is well. Throwing counts as "not healthy". */
@FunctionalInterface
public interface HealthCheck {

    boolean isHealthy(RunningService service) throws Exception;
}
