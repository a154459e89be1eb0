package org.opsconsole.console;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the services keep their databases: the operating system's per-user application data
 * folder unless {@code --data-dir} says otherwise, with one sub-folder per service.
 * <ul>
 *   <li>Linux and other Unixes: {@code $XDG_DATA_HOME/opsconsole}, else {@code ~/.local/share/opsconsole}</li>
 *   <li>macOS: {@code ~/Library/Application Support/Ops Console}</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\OpsConsole}, else {@code ~\AppData\Local\OpsConsole}</li>
 * </ul>
 */
public record DataFolders(Path root) {

    public static final String USERS = "users";
    public static final String ORDERS = "orders";

    /** The folders under {@code override} when given, else under the platform default. */
    public static DataFolders resolve(Path override) {
        if (override != null) {
            return new DataFolders(override.toAbsolutePath().normalize());
        }
        return new DataFolders(defaultRoot(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    /** The platform default, computed from the given facts so it can be tested for every OS. */
    static Path defaultRoot(String osName, Map<String, String> env, Path home) {
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

    public Path users() {
        return root.resolve(USERS);
    }

    public Path orders() {
        return root.resolve(ORDERS);
    }

    /** The folder of the service with this name ("users" or "orders"). */
    public Path forService(String name) {
        return root.resolve(name);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
