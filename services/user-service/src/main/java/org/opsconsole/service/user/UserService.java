package org.opsconsole.service.user;

import io.helidon.webserver.http.HttpRouting;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceApp;
import org.opsconsole.service.kit.ServiceBootstrap;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceContext;

import java.net.URI;
import java.util.logging.Logger;

/** The users service: start it embedded with {@link #start(ServiceConfig)}. */
public final class UserService implements ServiceApp {

    public static final String NAME = "users";
    public static final String LOGGER = "org.opsconsole.service.user";

    private static final Logger LOG = Logger.getLogger(LOGGER);

    private UserRepository users;

    private UserService() {
    }

    /** Starts the service and returns once it listens; throws ServiceStartException with a readable reason. */
    public static RunningService start(ServiceConfig config) {
        return ServiceBootstrap.start(new UserService(), config, LOG);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void routing(HttpRouting.Builder routing, ServiceContext context) {
        boolean soleWriter = context.config().jdbcUrl() == null;
        // -Dusers.read-cache=false turns the cache off, for bench/read-cache.sh to measure what it earns
        boolean cached = soleWriter && !"false".equals(System.getProperty("users.read-cache"));
        users = new UserRepository(context.database(), context.outbox(), cached ? new UserReadCache() : null);
        routing.register("/users", new UsersResource(users))
                .register("/user", new OriginalUserRoutes(users));
    }

    @Override
    public void started(ServiceContext context, URI baseUri) {
        if (context.config().demoData() && context.database().isNew()) {
            if (context.config().demoUsers() > 0) {
                DemoUsersAtScale.fill(context.database(), context.config().demoUsers(), LOG);
            } else {
                int seeded = DemoUsers.seed(users);
                LOG.info(() -> "seeded " + seeded + " demo users");
            }
        }
    }
}
