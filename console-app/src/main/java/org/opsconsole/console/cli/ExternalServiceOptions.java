package org.opsconsole.console.cli;

import org.opsconsole.console.session.JdbcUrls;
import org.opsconsole.service.kit.Broker;
import org.opsconsole.service.kit.ServiceConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The options of {@code opsconsole} and {@code opsconsole serve} that put a service's data in a
 * database of its own (PostgreSQL, say) and point the orders service at a users service elsewhere.
 */
final class ExternalServiceOptions {

    @Option(names = "--users-db", paramLabel = "JDBC_URL", converter = JdbcUrlConverter.class,
            description = {"Database of the users service instead of the data folder, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/users?user=opsconsole&password=secret.",
                "User and password can also come from $OPSCONSOLE_DB_USER and $OPSCONSOLE_DB_PASSWORD."})
    String usersDb;

    @Option(names = "--orders-db", paramLabel = "JDBC_URL", converter = JdbcUrlConverter.class,
            description = {"Database of the orders service instead of the data folder, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/orders?user=opsconsole&password=secret.",
                "User and password can also come from $OPSCONSOLE_DB_USER and $OPSCONSOLE_DB_PASSWORD."})
    String ordersDb;

    @Option(names = "--users-url", paramLabel = "URL", converter = ServiceUrlConverter.class,
            description = "Where the orders service finds the users service, e.g. http://users.internal:8081 "
                    + "(default: the users service started here).")
    URI usersUrl;

    @Option(names = "--broker", paramLabel = "AMQP_URL", converter = BrokerUrlConverter.class,
            description = {"RabbitMQ that carries the services' events, e.g. amqp://opsconsole:secret@127.0.0.1:5672/%%2F:",
                "each committed event is published to the topic exchange opsconsole.events and the orders service",
                "consumes user.deleted from the queue orders.user-events (default: no broker; events over HTTP)."})
    String broker;

    /** {@code config} with the users service's database: {@code --users-db}, else {@code folder}. */
    ServiceConfig users(ServiceConfig config, Path folder) {
        return withDatabase(config, usersDb, folder).withBrokerUrl(broker);
    }

    /**
     * {@code config} with the orders service's database ({@code --orders-db}, else {@code folder}) and
     * its users service ({@code --users-url}, else {@code localUsers}).
     */
    ServiceConfig orders(ServiceConfig config, Path folder, URI localUsers) {
        return withDatabase(config, ordersDb, folder).withUserServiceUrl(usersUrl != null ? usersUrl : localUsers)
                .withBrokerUrl(broker);
    }

    /** How a ready line names where a service keeps its data. */
    static String storage(ServiceConfig config) {
        String storage = config.jdbcUrl() != null ? "database " + JdbcUrls.masked(config.jdbcUrl()) : "data in " + config.dataDir();
        return storage + config.broker().map(b -> ", events on " + Broker.masked(b)).orElse("");
    }

    private static ServiceConfig withDatabase(ServiceConfig config, String jdbcUrl, Path folder) {
        return jdbcUrl != null ? config.withDataDir(null).withJdbcUrl(jdbcUrl) : config.withJdbcUrl(null).withDataDir(folder);
    }

    /** Accepts a JDBC URL; anything else is a usage error that says what is expected. */
    static final class JdbcUrlConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.startsWith("jdbc:") || value.length() == "jdbc:".length()) {
                throw new TypeConversionException("'" + JdbcUrls.masked(value) + "' is not a JDBC URL; expected one "
                        + "starting with jdbc:, such as jdbc:postgresql://127.0.0.1:5432/users?user=opsconsole");
            }
            return value;
        }
    }

    /** Accepts an amqp:// or amqps:// URL with a host; anything else is a usage error. */
    static final class BrokerUrlConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() != null && uri.getScheme().toLowerCase(java.util.Locale.ROOT).matches("amqps?")
                        && uri.getHost() != null) {
                    return value;
                }
            } catch (URISyntaxException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + Broker.masked(value) + "' is not a broker URL; expected an "
                    + "amqp:// URL with a host, such as amqp://guest:guest@127.0.0.1:5672");
        }
    }

    /** Accepts an absolute http or https URL with a host; anything else is a usage error. */
    static final class ServiceUrlConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                        && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("'" + value + "' is not a URL of the users service; expected an http:// or "
                    + "https:// URL with a host, such as http://127.0.0.1:8081");
        }
    }
}
