package org.opsconsole.service.user;

import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;

/** The users service: start it embedded with {@link #start(ServiceConfig)}. */
public final class UserService {

    public static final String NAME = "users";

    private UserService() {
    }

    /** Starts the service and returns once it answers; throws ServiceStartException with a readable reason. */
    public static RunningService start(ServiceConfig config) {
        throw new UnsupportedOperationException("not yet");
    }
}
