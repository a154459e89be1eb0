package org.opsconsole.console.supervisor;

import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;

/**
 * Starts one service and returns once it answers, or throws (a {@code ServiceStartException}
 * carries a sentence for the operator). {@code UserService::start} and {@code OrderService::start}
 * are launchers; tests use fakes.
 */
@FunctionalInterface
public interface ServiceLauncher {

    RunningService start(ServiceConfig config);
}
