package org.opsconsole.console;

import org.opsconsole.console.cli.OpsConsoleCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code opsconsole}: the console window by default, or a headless command. Kept
 * apart from the JavaFX {@code Application} so it can be the main class on a plain class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(OpsConsoleCommand.commandLine().execute(args));
    }
}
