package org.opsconsole.console.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code opsconsole load --data-dir DIR ...} run as a user types it, keeping what it prints. */
final class LoadCli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final Path dataDir;

    LoadCli(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Runs {@code load} with {@code args} after the data folder; answers the exit code. */
    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("load", "--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        CommandLine cli = OpsConsoleCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }
}
