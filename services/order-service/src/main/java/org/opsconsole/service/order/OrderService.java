package org.opsconsole.service.order;

import io.helidon.webserver.http.HttpRouting;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceApp;
import org.opsconsole.service.kit.ServiceBootstrap;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceContext;

import java.net.URI;
import java.util.logging.Logger;

/**
 * The orders service: start it embedded with {@link #start(ServiceConfig)}; it needs the user
 * service's URL ({@link ServiceConfig#userServiceUrl()}), which may be down at the time.
 */
public final class OrderService implements ServiceApp {

    public static final String NAME = "orders";
    public static final String LOGGER = "org.opsconsole.service.order";
    public static final URI DEFAULT_USER_SERVICE = URI.create("http://127.0.0.1:8081");

    private static final Logger LOG = Logger.getLogger(LOGGER);

    private OrderRepository orders;
    private UserEvents consumer;

    private OrderService() {
    }

    /** Starts the service and returns once it listens; throws ServiceStartException with a readable reason. */
    public static RunningService start(ServiceConfig config) {
        return ServiceBootstrap.start(new OrderService(), config, LOG);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void routing(HttpRouting.Builder routing, ServiceContext context) {
        URI userService = context.config().userServiceUrl() == null
                ? DEFAULT_USER_SERVICE : context.config().userServiceUrl();
        orders = new OrderRepository(context.database(), context.outbox());
        String token = context.config().token().orElse(null);
        UserDirectory users = new UserDirectory(userService, token, LOG);
        context.dependencies().add("user-service", users::problem);
        consumer = context.broker() == null
                ? new UserEventsConsumer(orders, userService, token, LOG)
                : new BrokerUserEventsConsumer(orders, context.broker(), LOG);
        io.micrometer.core.instrument.Gauge.builder("events.consumer.offset", orders,
                        repository -> repository.offset(UserEventsConsumer.SOURCE))
                .description("Id of the last event of another service that this service has applied")
                .tag("source", UserEventsConsumer.SOURCE)
                .register(context.metrics().registry());
        routing.register("/orders", new OrdersResource(orders, users))
                .register("/order", new OriginalOrderRoutes(orders, users));
    }

    @Override
    public void started(ServiceContext context, URI baseUri) {
        if (context.config().demoData() && context.database().isNew()) {
            if (context.config().demoUsers() > 0) {
                DemoOrdersAtScale.fill(context.database(), context.config().demoUsers(), LOG);
            } else {
                int seeded = DemoOrders.seed(orders);
                LOG.info(() -> "seeded " + seeded + " demo orders");
            }
        }
        long counted = orders.fillMissingItemCounts();
        if (counted > 0) {
            LOG.info(() -> "counted the lines of " + counted + " orders an older version wrote");
        }
        consumer.start();
    }

    @Override
    public void stopping() {
        consumer.stop();
    }
}
