package org.opsconsole.console.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsconsole.service.kit.AppDataFolder;
import org.opsconsole.service.kit.ServiceConfig;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code opsconsole serve}'s command line turned into the two services' configurations, and its usage errors. */
class ServeCommandOptionsTest {

    private static final String USERS_DB = "jdbc:postgresql://127.0.0.1:5432/users?user=opsconsole&password=secret";
    private static final String ORDERS_DB = "jdbc:postgresql://127.0.0.1:5432/orders?user=opsconsole&password=secret";
    private static final URI LOCAL_USERS = URI.create("http://127.0.0.1:8081");

    private static ServeCommand parse(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withoutDatabaseOptionsBothServicesKeepTheirDataInTheDataFolder(@TempDir Path dir) {
        ServeCommand serve = parse("--data-dir", dir.toString());
        ServiceConfig users = serve.usersConfig();
        ServiceConfig orders = serve.ordersConfig(LOCAL_USERS);
        assertThat(users.jdbcUrl()).isNull();
        assertThat(users.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(users.port()).isEqualTo(8081);
        assertThat(orders.jdbcUrl()).isNull();
        assertThat(orders.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(orders.port()).isEqualTo(8082);
        assertThat(orders.userServiceUrl()).isEqualTo(LOCAL_USERS);
    }

    @Test
    void withoutDataDirTheFolderIsThePerUserOne() {
        assertThat(parse().usersConfig().dataDir()).isEqualTo(AppDataFolder.defaultRoot().toAbsolutePath());
    }

    @Test
    void usersDbPutsOnlyTheUsersServiceOnThatDatabase(@TempDir Path dir) {
        ServeCommand serve = parse("--data-dir", dir.toString(), "--users-db", USERS_DB);
        ServiceConfig users = serve.usersConfig();
        ServiceConfig orders = serve.ordersConfig(LOCAL_USERS);
        assertThat(users.jdbcUrl()).isEqualTo(USERS_DB);
        assertThat(users.dataDir()).as("the data folder no longer decides").isNull();
        assertThat(orders.jdbcUrl()).isNull();
        assertThat(orders.dataDir()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void ordersDbPutsOnlyTheOrdersServiceOnThatDatabase(@TempDir Path dir) {
        ServeCommand serve = parse("--data-dir", dir.toString(), "--orders-db", ORDERS_DB);
        assertThat(serve.usersConfig().jdbcUrl()).isNull();
        assertThat(serve.usersConfig().dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(serve.ordersConfig(LOCAL_USERS).jdbcUrl()).isEqualTo(ORDERS_DB);
        assertThat(serve.ordersConfig(LOCAL_USERS).dataDir()).isNull();
    }

    @Test
    void bothDatabasesAndUsersUrlWithTheOtherOptionsKept() {
        ServeCommand serve = parse("--users-db", USERS_DB, "--orders-db", ORDERS_DB, "--users-url", "http://users.internal:8081",
                "--user-port", "8091", "--order-port", "8092", "--no-demo-data", "--api-token", "t0ken");
        ServiceConfig users = serve.usersConfig();
        ServiceConfig orders = serve.ordersConfig(LOCAL_USERS);
        assertThat(users.jdbcUrl()).isEqualTo(USERS_DB);
        assertThat(users.port()).isEqualTo(8091);
        assertThat(users.demoData()).isFalse();
        assertThat(users.apiToken()).isEqualTo("t0ken");
        assertThat(orders.jdbcUrl()).isEqualTo(ORDERS_DB);
        assertThat(orders.port()).isEqualTo(8092);
        assertThat(orders.userServiceUrl()).isEqualTo(URI.create("http://users.internal:8081"));
    }

    @Test
    void theReadyLineMasksThePassword(@TempDir Path dir) {
        ServeCommand serve = parse("--data-dir", dir.toString(), "--users-db", USERS_DB,
                "--orders-db", "jdbc:postgresql://db/orders?password=p%40ss&user=opsconsole");
        assertThat(ExternalServiceOptions.storage(serve.usersConfig()))
                .isEqualTo("database jdbc:postgresql://127.0.0.1:5432/users?user=opsconsole&password=***");
        assertThat(ExternalServiceOptions.storage(serve.ordersConfig(LOCAL_USERS)))
                .isEqualTo("database jdbc:postgresql://db/orders?password=***&user=opsconsole");
    }

    @Test
    void theReadyLineNamesTheDataFolderWithoutADatabase(@TempDir Path dir) {
        assertThat(ExternalServiceOptions.storage(parse("--data-dir", dir.toString()).usersConfig()))
                .isEqualTo("data in " + dir.toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://127.0.0.1:5432/users", "users", "jdbc:", ""})
    void aDatabaseThatIsNotAJdbcUrlIsAUsageError(String value) {
        for (String option : new String[] {"--users-db", "--orders-db"}) {
            StringWriter err = new StringWriter();
            assertThat(execute(err, "serve", option, value)).isEqualTo(2);
            assertThat(err.toString()).contains(option).contains("is not a JDBC URL; expected one starting with jdbc:");
        }
    }

    @Test
    void aRejectedDatabaseUrlDoesNotEchoItsPassword() {
        StringWriter err = new StringWriter();
        assertThat(execute(err, "serve", "--users-db", "postgresql://db/users?password=hunter2")).isEqualTo(2);
        assertThat(err.toString()).contains("password=***").doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8081", "127.0.0.1:8081", "ftp://users.internal", "http://", "http://bad host:8081", "/users"})
    void aUsersUrlThatIsNotAnHttpUrlIsAUsageError(String value) {
        StringWriter err = new StringWriter();
        assertThat(execute(err, "serve", "--users-url", value)).isEqualTo(2);
        assertThat(err.toString()).contains("--users-url").contains("expected an http:// or https:// URL");
    }

    @Test
    void brokerCarriesBothServicesEventsAndTheReadyLineMasksItsPassword(@TempDir Path dir) {
        ServeCommand serve = parse("--data-dir", dir.toString(), "--broker", "amqp://ops:s3cret@127.0.0.1:5672");
        assertThat(serve.usersConfig().brokerUrl()).isEqualTo("amqp://ops:s3cret@127.0.0.1:5672");
        assertThat(serve.ordersConfig(LOCAL_USERS).brokerUrl()).isEqualTo("amqp://ops:s3cret@127.0.0.1:5672");
        assertThat(ExternalServiceOptions.storage(serve.usersConfig()))
                .contains("events on amqp://ops:***@127.0.0.1:5672").doesNotContain("s3cret");
        assertThat(parse().usersConfig().brokerUrl()).as("no broker by default").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:5672", "http://127.0.0.1:5672", "amqp://", "rabbit"})
    void aBrokerThatIsNotAnAmqpUrlIsAUsageError(String value) {
        StringWriter err = new StringWriter();
        assertThat(execute(err, "serve", "--broker", value)).isEqualTo(2);
        assertThat(err.toString()).contains("--broker").contains("is not a broker URL; expected an amqp:// URL");
    }

    @Test
    void helpNamesTheDatabaseOptionsAndTheirEnvironment() {
        StringWriter out = new StringWriter();
        CommandLine cli = OpsConsoleCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--users-db").contains("--orders-db").contains("--users-url")
                .contains("OPSCONSOLE_DB_USER").contains("OPSCONSOLE_DB_PASSWORD");
    }

    private static int execute(StringWriter err, String... args) {
        CommandLine cli = OpsConsoleCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
