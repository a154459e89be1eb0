package org.opsconsole.console.session;

/** The console's version, from the jar's manifest, or "dev" when run from classes: for the window and the commands. */
public final class ConsoleVersion {

    private ConsoleVersion() {
    }

    public static String current() {
        String version = ConsoleVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
