package org.opsconsole.service.order;

import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;

/** The orders service: start it embedded with {@link #start(ServiceConfig)}. */
public final class OrderService {

    public static final String NAME = "orders";

    private OrderService() {
    }

    /** Starts the service and returns once it answers; throws ServiceStartException with a readable reason. */
    public static RunningService start(ServiceConfig config) {
        throw new UnsupportedOperationException("not yet");
    }
}
