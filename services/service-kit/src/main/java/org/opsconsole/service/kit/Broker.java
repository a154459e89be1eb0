package org.opsconsole.service.kit;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The RabbitMQ broker that carries the services' events: its address, the topic exchange every
 * event goes to (routing key = event type), and what is known of its reachability, for health.
 */
public final class Broker {

    /** The durable topic exchange of every service's events. */
    public static final String EXCHANGE = "opsconsole.events";
    /** The orders service's durable queue of the users service's deletions. */
    public static final String ORDERS_USER_EVENTS = "orders.user-events";

    private final String url;
    private final ConnectionFactory factory = new ConnectionFactory();
    /** Null until a connection fails: a broker not tried yet is not reported as a problem. */
    private volatile String problem;

    public Broker(String url) {
        this.url = url;
        try {
            factory.setUri(url);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ServiceStartException("the broker URL " + masked(url) + " is not an amqp:// URL: "
                    + e.getMessage(), e);
        }
        if (factory.getVirtualHost().isEmpty()) {
            // amqp://host:5672/ (a lone '/', as most tutorials and clients write it) means the
            // default virtual host "/", not one named ""
            factory.setVirtualHost("/");
        }
        factory.setConnectionTimeout(3_000);
        factory.setRequestedHeartbeat(10);
        // reconnecting is the caller's loop: it knows from where to resume
        factory.setAutomaticRecoveryEnabled(false);
    }

    /** Opens a connection named after its user (shown in RabbitMQ's management views). */
    public Connection connect(String name) throws IOException, TimeoutException {
        try {
            Connection connection = factory.newConnection(name);
            problem = null;
            return connection;
        } catch (IOException | TimeoutException | RuntimeException e) {
            unreachable(e);
            throw e;
        }
    }

    /**
     * Declares the exchange and the queues of the services' consumers (idempotent). Publishers
     * declare the queues too, so that no event published before its consumer first ran is lost.
     */
    public static void declareTopology(Channel channel) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.queueDeclare(ORDERS_USER_EVENTS, true, false, false, null);
        channel.queueBind(ORDERS_USER_EVENTS, EXCHANGE, "user.deleted");
    }

    /** Records that the broker can't be used now; health reports it until the next connection. */
    public void unreachable(Exception cause) {
        problem = "the broker at " + masked(url) + " " + why(cause);
    }

    /** The broker's own words when it refused (wrong credentials, unknown virtual host), else what failed. */
    static String why(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.rabbitmq.client.AuthenticationFailureException
                    || cause instanceof com.rabbitmq.client.PossibleAuthenticationFailureException) {
                return "refused the login (wrong user name or password?): " + cause.getMessage();
            }
            if (cause instanceof com.rabbitmq.client.ShutdownSignalException shutdown
                    && shutdown.getReason() instanceof com.rabbitmq.client.AMQP.Connection.Close close) {
                return "refused the connection: " + close.getReplyText();
            }
            if (cause instanceof com.rabbitmq.client.MalformedFrameException) {
                return "did not answer as an AMQP 0-9-1 broker: " + cause.getMessage();
            }
            if (cause instanceof java.net.ConnectException) {
                return "is unreachable: nothing accepts connections there (" + cause.getMessage() + ")";
            }
        }
        Throwable last = failure;
        while (last.getCause() != null && last.getMessage() == null) {
            last = last.getCause();
        }
        return "is unreachable: " + (last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage());
    }

    /** Why the broker can't be used now; empty while it is connected. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public String maskedUrl() {
        return masked(url);
    }

    /** {@code url} with its password replaced by {@code ***}. */
    public static String masked(String url) {
        return url.replaceAll("(amqps?://[^:/@]+:)[^@]*@", "$1***@");
    }
}
