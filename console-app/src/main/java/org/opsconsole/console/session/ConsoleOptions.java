package org.opsconsole.console.session;

import org.opsconsole.service.kit.ServiceConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the console runs its services.
 *
 * @param host           address both services bind to
 * @param userPort       users service port (0: any free port)
 * @param orderPort      orders service port (0: any free port)
 * @param folders        where their databases live; null runs both in memory (tests)
 * @param demoData       seed demo data into a new database
 * @param autoStart      start both services when the window opens
 * @param usersJdbcUrl   the users service's own database (e.g. PostgreSQL) instead of one in {@code folders}; null for none
 * @param ordersJdbcUrl  the same for the orders service
 * @param userServiceUrl where the orders service finds the users service; null for the console's own
 * @param brokerUrl      RabbitMQ that carries both services' events; null for none (the outbox over HTTP)
 * @param attached       services running elsewhere to watch instead of starting them: name to instance URLs
 * @param apiToken       the bearer token to send to attached services; null for none
 */
public record ConsoleOptions(String host, int userPort, int orderPort, DataFolders folders, boolean demoData,
                             boolean autoStart, String usersJdbcUrl, String ordersJdbcUrl, URI userServiceUrl,
                             String brokerUrl, Map<String, List<URI>> attached, String apiToken) {

    public ConsoleOptions {
        attached = Map.copyOf(attached);
    }

    /** Both services on databases in {@code folders} (or in memory), orders calling the console's users. */
    public ConsoleOptions(String host, int userPort, int orderPort, DataFolders folders, boolean demoData, boolean autoStart) {
        this(host, userPort, orderPort, folders, demoData, autoStart, null, null, null, null, Map.of(), null);
    }

    public static ConsoleOptions defaults(DataFolders folders) {
        return new ConsoleOptions(ServiceConfig.LOOPBACK, ServiceConfig.USERS_DEFAULT_PORT,
                ServiceConfig.ORDERS_DEFAULT_PORT, folders, true, true);
    }

    /** Any free ports, in memory, no demo data, not started: what GUI tests begin with. */
    public static ConsoleOptions forTests() {
        return new ConsoleOptions(ServiceConfig.LOOPBACK, 0, 0, null, false, false);
    }

    public ConsoleOptions withPorts(int users, int orders) {
        return new ConsoleOptions(host, users, orders, folders, demoData, autoStart, usersJdbcUrl, ordersJdbcUrl, userServiceUrl, brokerUrl,
                attached, apiToken);
    }

    public ConsoleOptions withFolders(DataFolders value) {
        return new ConsoleOptions(host, userPort, orderPort, value, demoData, autoStart, usersJdbcUrl, ordersJdbcUrl, userServiceUrl, brokerUrl,
                attached, apiToken);
    }

    public ConsoleOptions withAutoStart(boolean value) {
        return new ConsoleOptions(host, userPort, orderPort, folders, demoData, value, usersJdbcUrl, ordersJdbcUrl, userServiceUrl, brokerUrl,
                attached, apiToken);
    }

    /** The external databases ({@code null}: the one in {@link #folders()}) and users service ({@code null}: the console's). */
    public ConsoleOptions withExternal(String usersDb, String ordersDb, URI usersUrl, String broker) {
        return new ConsoleOptions(host, userPort, orderPort, folders, demoData, autoStart, usersDb, ordersDb, usersUrl,
                broker, attached, apiToken);
    }

    /** Services to watch where they run ({@code name -> URLs}) instead of starting them, and the token they want. */
    public ConsoleOptions withAttached(Map<String, List<URI>> services, String token) {
        return new ConsoleOptions(host, userPort, orderPort, folders, demoData, autoStart, usersJdbcUrl, ordersJdbcUrl,
                userServiceUrl, brokerUrl, services, token);
    }

    /** The instance URLs of {@code service} when it is attached rather than embedded; empty otherwise. */
    public List<URI> attachedUrls(String service) {
        return attached.getOrDefault(service, List.of());
    }

    /** Where the data is, as the status bar shows it; passwords masked. */
    public String dataLocation() {
        String folder = folders == null ? "in memory" : folders.root().toString();
        if (usersJdbcUrl == null && ordersJdbcUrl == null) {
            return folder;
        }
        List<String> parts = new ArrayList<>();
        parts.add("users " + (usersJdbcUrl == null ? folder : JdbcUrls.masked(usersJdbcUrl)));
        parts.add("orders " + (ordersJdbcUrl == null ? folder : JdbcUrls.masked(ordersJdbcUrl)));
        return String.join(", ", parts);
    }

    /**
     * How to start {@code service} ({@link ConsoleSession#USERS} or {@link ConsoleSession#ORDERS}). Its
     * {@code userServiceUrl} is {@link #userServiceUrl()}, null when the console's own users service is meant.
     */
    public ServiceConfig configFor(String service) {
        boolean users = service.equals(ConsoleSession.USERS);
        ServiceConfig config = ServiceConfig.inMemory().withHost(host).withPort(users ? userPort : orderPort)
                .withDemoData(demoData).withBrokerUrl(brokerUrl);
        String jdbcUrl = users ? usersJdbcUrl : ordersJdbcUrl;
        if (jdbcUrl != null) {
            config = config.withJdbcUrl(jdbcUrl);
        } else if (folders != null) {
            config = config.withDataDir(folders.root());
        }
        return users ? config : config.withUserServiceUrl(userServiceUrl);
    }
}
