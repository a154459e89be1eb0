package org.opsconsole.console.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.service.kit.ServiceConfig;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsConsoleCommandTest {

    private static OpsConsoleCommand parse(String... args) {
        OpsConsoleCommand command = new OpsConsoleCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsAreTheDocumentedPortsWithDemoData() {
        ConsoleOptions options = parse().options();
        assertThat(options.userPort()).isEqualTo(8081);
        assertThat(options.orderPort()).isEqualTo(8082);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.demoData()).isTrue();
        assertThat(options.autoStart()).isTrue();
        assertThat(options.folders()).isNotNull();
    }

    @Test
    void optionsOverrideFoldersPortsAndDemoData(@TempDir Path dir) {
        ConsoleOptions options = parse("--data-dir", dir.toString(), "--user-port", "0", "--order-port", "9002", "--no-demo-data").options();
        assertThat(options.folders().root()).isEqualTo(dir.toAbsolutePath());
        assertThat(options.userPort()).isZero();
        assertThat(options.orderPort()).isEqualTo(9002);
        assertThat(options.demoData()).isFalse();
        assertThat(options.dataLocation()).isEqualTo(dir.toAbsolutePath().toString());
    }

    @Test
    void theConsolesServicesTakeTheBrokerToo() {
        ConsoleOptions options = parse("--broker", "amqp://guest:guest@127.0.0.1:5672").options();
        assertThat(options.configFor("users").brokerUrl()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
        assertThat(options.configFor("orders").brokerUrl()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
    }

    @Test
    void helpListsTheCommands() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = OpsConsoleCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("--data-dir").contains("--user-port").contains("--no-demo-data")
                .contains("amqp://opsconsole:secret@127.0.0.1:5672/%2F").contains("--attach");
    }

    @Test
    void theHelpOfEveryCommandPrintsNoFormattingWarningsNorRegularExpressions() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        java.util.List<String> helped = new java.util.ArrayList<>();
        StringWriter printed = new StringWriter();
        try {
            helpOfEach(OpsConsoleCommand.commandLine(), new java.util.ArrayList<>(), helped, printed);
        } finally {
            System.setErr(original);
        }
        assertThat(helped).contains("--help", "serve --help", "load --help", "load capacity --help");
        assertThat(err.toString()).doesNotContain("[picocli WARN]");
        // a list option's synopsis shows its separator, not the pattern that splits it
        assertThat(printed.toString()).contains("--threshold=RULE[,RULE...]").doesNotContain("\\s*");
    }

    /** Asks for the help of {@code command} and of each of its subcommands, by their full command lines. */
    private static void helpOfEach(CommandLine command, java.util.List<String> path, java.util.List<String> helped,
                                   StringWriter printed) {
        java.util.List<String> args = new java.util.ArrayList<>(path);
        args.add("--help");
        CommandLine root = OpsConsoleCommand.commandLine();
        root.setOut(new PrintWriter(printed, true));
        assertThat(root.execute(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
        helped.add(String.join(" ", args));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                java.util.List<String> deeper = new java.util.ArrayList<>(path);
                deeper.add(name);
                helpOfEach(sub, deeper, helped, printed);
            }
        });
    }

    @Test
    void everyCommandTellsItsVersion() {
        for (String[] args : java.util.List.of(new String[] {"--version"}, new String[] {"load", "--version"},
                new String[] {"load", "runs", "--version"}, new String[] {"serve", "--version"})) {
            java.io.StringWriter out = new java.io.StringWriter();
            CommandLine cli = OpsConsoleCommand.commandLine();
            cli.setOut(new java.io.PrintWriter(out, true));
            assertThat(cli.execute(args)).isZero();
            assertThat(out.toString()).as(String.join(" ", args)).startsWith("opsconsole ");
        }
    }

    @Test
    void anImpossiblePortIsAUsageError() {
        CommandLine commandLine = OpsConsoleCommand.commandLine();
        commandLine.setErr(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("--user-port", "70000")).isEqualTo(2);
    }

    @Test
    void withoutDatabaseOptionsBothServicesUseTheDataFolderAndOrdersCallsTheConsolesUsers(@TempDir Path dir) {
        ConsoleOptions options = parse("--data-dir", dir.toString()).options();
        ServiceConfig users = options.configFor(ConsoleSession.USERS);
        ServiceConfig orders = options.configFor(ConsoleSession.ORDERS);
        assertThat(users.jdbcUrl()).isNull();
        assertThat(users.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(users.port()).isEqualTo(8081);
        assertThat(orders.jdbcUrl()).isNull();
        assertThat(orders.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(orders.port()).isEqualTo(8082);
        assertThat(orders.userServiceUrl()).as("left to the session: the console's own users service").isNull();
    }

    @Test
    void databaseOptionsReplaceTheDataFolderServiceByService(@TempDir Path dir) {
        String usersDb = "jdbc:postgresql://127.0.0.1:5432/users?user=opsconsole&password=secret";
        ConsoleOptions options = parse("--data-dir", dir.toString(), "--users-db", usersDb).options();
        ServiceConfig users = options.configFor(ConsoleSession.USERS);
        ServiceConfig orders = options.configFor(ConsoleSession.ORDERS);
        assertThat(users.jdbcUrl()).isEqualTo(usersDb);
        assertThat(users.dataDir()).isNull();
        assertThat(orders.jdbcUrl()).isNull();
        assertThat(orders.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(options.folders().root()).as("load runs stay in the data folder").isEqualTo(dir.toAbsolutePath());
        assertThat(options.dataLocation())
                .isEqualTo("users jdbc:postgresql://127.0.0.1:5432/users?user=opsconsole&password=***, orders " + dir.toAbsolutePath());
    }

    @Test
    void ordersDbAndUsersUrlGoToTheOrdersService() {
        String ordersDb = "jdbc:postgresql://127.0.0.1:5432/orders?user=postgres";
        ConsoleOptions options = parse("--orders-db", ordersDb, "--users-url", "https://users.internal:8443",
                "--order-port", "0").options();
        ServiceConfig orders = options.configFor(ConsoleSession.ORDERS);
        assertThat(orders.jdbcUrl()).isEqualTo(ordersDb);
        assertThat(orders.dataDir()).isNull();
        assertThat(orders.port()).isZero();
        assertThat(orders.userServiceUrl()).isEqualTo(URI.create("https://users.internal:8443"));
        assertThat(options.configFor(ConsoleSession.USERS).jdbcUrl()).isNull();
    }

    @Test
    void aDatabaseThatIsNotAJdbcUrlIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsConsoleCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("--orders-db", "postgres://127.0.0.1/orders")).isEqualTo(2);
        assertThat(err.toString()).contains("--orders-db").contains("is not a JDBC URL; expected one starting with jdbc:");
    }

    @Test
    void aUsersUrlThatIsNotAnHttpUrlIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsConsoleCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("--users-url", "users.internal:8081")).isEqualTo(2);
        assertThat(err.toString()).contains("--users-url").contains("expected an http:// or https:// URL");
    }

    @Test
    void helpNamesTheDatabaseOptions() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = OpsConsoleCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("--users-db").contains("--orders-db").contains("--users-url")
                .contains("OPSCONSOLE_DB_PASSWORD");
    }

    @Test
    void attachWatchesServicesElsewhereInstanceByInstanceWithTheToken() {
        ConsoleOptions options = parse("--attach", "users=http://10.0.0.5:8081", "--attach", "users=http://10.0.0.6:8081",
                "--attach", "orders=https://orders.example.com", "--api-token", "t0ken").options();
        assertThat(options.attachedUrls("users")).containsExactly(URI.create("http://10.0.0.5:8081"), URI.create("http://10.0.0.6:8081"));
        assertThat(options.attachedUrls("orders")).containsExactly(URI.create("https://orders.example.com"));
        assertThat(options.apiToken()).isEqualTo("t0ken");
        assertThat(parse().options().attached()).as("without --attach both services are the console's own").isEmpty();
    }

    @Test
    void anAttachThatIsNotServiceEqualsUrlIsAUsageErrorInWords() {
        for (String bad : List.of("payments=http://x:1", "users", "users=ftp://x", "users=not a url")) {
            CommandLine commandLine = OpsConsoleCommand.commandLine();
            StringWriter err = new StringWriter();
            commandLine.setErr(new PrintWriter(err));
            commandLine.parseArgs("--attach", bad);
            assertThatThrownBy(() -> ((OpsConsoleCommand) commandLine.getCommand()).options())
                    .as(bad).isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--attach");
        }
    }
}
