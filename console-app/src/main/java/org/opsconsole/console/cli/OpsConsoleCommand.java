package org.opsconsole.console.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code opsconsole}: with no command, opens the console window. */
@Command(name = "opsconsole",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Ops Console: start, watch, edit and load the bundled users and orders services.",
        subcommands = {ServeCommand.class, LoadCommand.class})
public final class OpsConsoleCommand implements Callable<Integer> {

    public static CommandLine commandLine() {
        return new CommandLine(new OpsConsoleCommand());
    }

    @Override
    public Integer call() {
        System.err.println("The console window is not built yet; use 'opsconsole serve'.");
        return 1;
    }
}
