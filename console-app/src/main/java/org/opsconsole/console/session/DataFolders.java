package org.opsconsole.console.session;

import org.opsconsole.service.kit.AppDataFolder;

import java.nio.file.Path;

/**
 * Where the console keeps what it stores: the services' databases ({@code users.mv.db},
 * {@code orders.mv.db}) and saved load runs, in the per-user application data folder
 * ({@link AppDataFolder}) unless {@code --data-dir} says otherwise. {@code serve} uses the same
 * folder and layout, so the console and the headless services see the same data.
 */
public record DataFolders(Path root) {

    /** The folder {@code override} when given, else the platform default. */
    public static DataFolders resolve(Path override) {
        Path root = override != null ? override : AppDataFolder.defaultRoot();
        return new DataFolders(root.toAbsolutePath().normalize());
    }

    /** Where saved load runs are kept. */
    public Path loadRuns() {
        return root.resolve("load-runs");
    }
}
