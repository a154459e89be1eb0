package org.opsconsole.service.kit;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The operating system's per-user folder for application data, where the services keep their
 * databases unless told otherwise: {@code $XDG_DATA_HOME/opsconsole} (or
 * {@code ~/.local/share/opsconsole}) on Linux, {@code ~/Library/Application Support/Ops Console} on
 * macOS, {@code %LOCALAPPDATA%\OpsConsole} on Windows.
 */
public final class AppDataFolder {

    private AppDataFolder() {
    }

    public static Path defaultRoot() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local == null ? home.resolve("AppData").resolve("Local") : Path.of(local)).resolve("OpsConsole");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Ops Console");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg))
                .resolve("opsconsole");
    }
}
