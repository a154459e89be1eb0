package org.opsconsole.console.cli;

import org.opsconsole.console.session.AddedService;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.session.DataFolders;
import org.opsconsole.console.ui.ConsoleApp;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code opsconsole}: with no command, opens the console window with both services started. */
@Command(name = "opsconsole",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ops Console: start, watch, edit and load the bundled users and orders services.",
        subcommands = {ServeCommand.class, LoadCommand.class})
public final class OpsConsoleCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the databases not given by --users-db or --orders-db, and for saved load runs "
                    + "(default: the per-user application data folder).")
    Path dataDir;

    @Mixin
    ExternalServiceOptions external;

    @Option(names = "--user-port", paramLabel = "N", defaultValue = "" + ServiceConfig.USERS_DEFAULT_PORT,
            description = "Port of the users service; 0 picks any free port (default: ${DEFAULT-VALUE}).")
    int userPort;

    @Option(names = "--order-port", paramLabel = "N", defaultValue = "" + ServiceConfig.ORDERS_DEFAULT_PORT,
            description = "Port of the orders service; 0 picks any free port (default: ${DEFAULT-VALUE}).")
    int orderPort;

    @Option(names = "--attach", paramLabel = "SERVICE=URL",
            description = "Watch a service that runs elsewhere instead of starting it: users=URL or orders=URL. "
                    + "Give it again for each instance of a service.")
    List<String> attach = new ArrayList<>();

    @Option(names = "--api-token", paramLabel = "TOKEN", defaultValue = "${env:OPSCONSOLE_API_TOKEN}",
            description = "Bearer token sent to the attached services (default: $OPSCONSOLE_API_TOKEN).")
    String apiToken;

    @Option(names = "--training-run", hidden = true,
            description = "Show every screen once the services run, then quit (how ./opsconsole records its start-up cache).")
    boolean trainingRun;

    @Option(names = "--no-demo-data", negatable = false,
            description = "Do not seed demo data into new databases.")
    boolean noDemoData;

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OpsConsoleCommand());
        everyCommand(cli, cli.getCommandSpec().versionProvider());
        // a usage error is its message and where the options are, not the whole help after it
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine wrong = e.getCommandLine();
            PrintWriter err = wrong.getErr();
            err.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See '" + wrong.getCommandSpec().qualifiedName() + " --help' for its options.");
            err.flush();
            return wrong.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli;
    }

    // every subcommand answers --version as the top command does
    private static void everyCommand(CommandLine command, CommandLine.IVersionProvider version) {
        command.getCommandSpec().versionProvider(version);
        command.getSubcommands().values().forEach(sub -> everyCommand(sub, version));
    }

    /** The options as the console session takes them. */
    ConsoleOptions options() {
        ConsoleOptions defaults = ConsoleOptions.defaults(DataFolders.resolve(dataDir));
        URI usersUrl = external.usersUrl;
        Map<String, List<URI>> attached = attached();
        if (usersUrl == null && attached.containsKey(ConsoleSession.USERS)) {
            usersUrl = attached.get(ConsoleSession.USERS).getFirst();
        }
        return new ConsoleOptions(defaults.host(), userPort, orderPort, defaults.folders(), !noDemoData, true)
                .withExternal(external.usersDb, external.ordersDb, usersUrl, external.broker)
                .withAttached(attached, apiToken);
    }

    /** The {@code --attach} options by service, in the order given. */
    private Map<String, List<URI>> attached() {
        Map<String, List<URI>> services = new LinkedHashMap<>();
        for (String given : attach) {
            int eq = given.indexOf('=');
            String name = eq < 0 ? "" : given.substring(0, eq).trim();
            if (!name.equals(ConsoleSession.USERS) && !name.equals(ConsoleSession.ORDERS)) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--attach takes users=URL or orders=URL, not '" + given + "'");
            }
            URI url;
            try {
                url = AddedService.serviceUrl(given.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--attach " + name + "=: " + e.getMessage());
            }
            services.computeIfAbsent(name, n -> new ArrayList<>()).add(url);
        }
        return services;
    }

    @Override
    public Integer call() {
        validatePort(userPort, "--user-port");
        validatePort(orderPort, "--order-port");
        ConsoleOptions options = options();   // refuses a malformed --attach before anything starts
        ServiceLogging.configure();
        // SIGTERM or Ctrl-C in the terminal: stop the services cleanly too
        Runtime.getRuntime().addShutdownHook(new Thread(ConsoleApp::closeSession, "opsconsole-shutdown"));
        return ConsoleApp.launch(options, ConsoleSession::embedded, trainingRun);
    }

    private void validatePort(int port, String option) {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + " must be between 0 and 65535, not " + port);
        }
    }
}
