package org.opsconsole.service.kit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The operating system's per-user folder for application data, where the services keep their
 * databases ({@code users.mv.db}, {@code orders.mv.db}) unless told otherwise. The console,
 * {@code serve} and the standalone jars all use it, so they all see the same data.
 * <ul>
 *   <li>Linux and other Unixes: {@code $XDG_DATA_HOME/opsconsole}, else {@code ~/.local/share/opsconsole}</li>
 *   <li>macOS: {@code ~/Library/Application Support/Ops Console}</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\OpsConsole}, else {@code ~\AppData\Local\OpsConsole}</li>
 * </ul>
 */
public final class AppDataFolder {

    private AppDataFolder() {
    }

    public static Path defaultRoot() {
        return defaultRoot(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The platform default, computed from the given facts so it can be tested for every OS. */
    public static Path defaultRoot(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = isSet(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("OpsConsole");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Ops Console");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored
        Path base = isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("opsconsole");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
