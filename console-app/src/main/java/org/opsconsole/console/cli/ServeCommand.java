package org.opsconsole.console.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code opsconsole serve}: both services without a window. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the users and orders services without the console window.")
public final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 1;
    }
}
