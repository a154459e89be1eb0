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

    private static final String LOAD_RUNS = "load-runs";

    /** Where saved load runs are kept. */
    public Path loadRuns() {
        return root.resolve(LOAD_RUNS);
    }

    /** The data folder whose saved load runs {@code folder} holds; empty for a folder of runs kept elsewhere. */
    public static java.util.Optional<DataFolders> holdingLoadRuns(Path folder) {
        Path runs = folder.toAbsolutePath().normalize();
        return runs.getParent() != null && runs.getFileName().toString().equals(LOAD_RUNS)
                ? java.util.Optional.of(new DataFolders(runs.getParent())) : java.util.Optional.empty();
    }
}
