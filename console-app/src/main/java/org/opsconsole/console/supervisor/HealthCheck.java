package org.opsconsole.console.supervisor;

import org.opsconsole.service.kit.RunningService;

/** Asks a running service whether it is well. Throwing counts as "not healthy". */
@FunctionalInterface
public interface HealthCheck {

    Health check(RunningService service) throws Exception;

    /**
     * A health answer.
     *
     * @param healthy true when it answered it is up (also when degraded)
     * @param warning what it works without now (its broker, the user service), in words; null when nothing
     */
    record Health(boolean healthy, String warning) {

        public static Health of(boolean healthy) {
            return new Health(healthy, null);
        }
    }
}
