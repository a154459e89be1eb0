package org.opsconsole.service.kit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run one service.
 *
 * @param host          address to bind; loopback unless an API token is set
 * @param port          port to listen on; 0 picks any free port
 * @param dataDir       folder for the H2 database; null runs it in memory
 * @param jdbcUrl       overrides the database entirely (e.g. PostgreSQL); null derives it from dataDir
 * @param apiToken      bearer token every mutating request must carry; null for none
 * @param demoData      seed a demo data set when the database is new
 * @param demoUsers     0 for the small demo set (40 users, 300 orders); else this many users and three
 *                      times as many orders, made in bulk (without events), to try the services at scale
 * @param userServiceUrl where the order service finds the user service; ignored by the user service
 * @param brokerUrl     RabbitMQ ({@code amqp://user:pass@host:5672/vhost}) that carries the events; null for none
 */
public record ServiceConfig(String host, int port, Path dataDir, String jdbcUrl, String apiToken,
                            boolean demoData, int demoUsers, URI userServiceUrl, String brokerUrl) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int USERS_DEFAULT_PORT = 8081;
    public static final int ORDERS_DEFAULT_PORT = 8082;

    /** Loopback, any free port, in memory, no demo data: what tests start from. */
    public static ServiceConfig inMemory() {
        return new ServiceConfig(LOOPBACK, 0, null, null, null, false, 0, null, null);
    }

    public ServiceConfig withHost(String value) {
        return new ServiceConfig(value, port, dataDir, jdbcUrl, apiToken, demoData, demoUsers, userServiceUrl, brokerUrl);
    }

    public ServiceConfig withPort(int value) {
        return new ServiceConfig(host, value, dataDir, jdbcUrl, apiToken, demoData, demoUsers, userServiceUrl, brokerUrl);
    }

    public ServiceConfig withDataDir(Path value) {
        return new ServiceConfig(host, port, value, jdbcUrl, apiToken, demoData, demoUsers, userServiceUrl, brokerUrl);
    }

    public ServiceConfig withJdbcUrl(String value) {
        return new ServiceConfig(host, port, dataDir, value, apiToken, demoData, demoUsers, userServiceUrl, brokerUrl);
    }

    public ServiceConfig withApiToken(String value) {
        return new ServiceConfig(host, port, dataDir, jdbcUrl, value, demoData, demoUsers, userServiceUrl, brokerUrl);
    }

    public ServiceConfig withDemoData(boolean value) {
        return new ServiceConfig(host, port, dataDir, jdbcUrl, apiToken, value, demoUsers, userServiceUrl, brokerUrl);
    }

    public ServiceConfig withDemoUsers(int value) {
        return new ServiceConfig(host, port, dataDir, jdbcUrl, apiToken, demoData, value, userServiceUrl, brokerUrl);
    }

    public ServiceConfig withUserServiceUrl(URI value) {
        return new ServiceConfig(host, port, dataDir, jdbcUrl, apiToken, demoData, demoUsers, value, brokerUrl);
    }

    public ServiceConfig withBrokerUrl(String value) {
        return new ServiceConfig(host, port, dataDir, jdbcUrl, apiToken, demoData, demoUsers, userServiceUrl, value);
    }

    public Optional<String> broker() {
        return Optional.ofNullable(brokerUrl).filter(b -> !b.isBlank());
    }

    public Optional<String> token() {
        return Optional.ofNullable(apiToken).filter(t -> !t.isBlank());
    }
}
