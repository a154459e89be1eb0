package org.opsconsole.console.ui.fx;

import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Every "Save as" of the console (CSV, PNG, reports, logs): it opens in the home folder the first
 * time, then in the folder of the last file saved.
 */
public final class SaveDialog {

    private static volatile Path lastFolder;

    private SaveDialog() {
    }

    /** Asks where to save; {@code extension} ("csv") filters the listing; empty when cancelled. */
    public static Optional<Path> choose(Node from, String title, String fileName, String kind, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.setInitialDirectory(startFolder().toFile());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        File file = chooser.showSaveDialog(from.getScene() == null ? null : from.getScene().getWindow());
        Optional<Path> chosen = Optional.ofNullable(file).map(File::toPath);
        chosen.ifPresent(SaveDialog::remember);
        return chosen;
    }

    /** Where the next dialog opens: the last folder saved to while it still exists, else the home folder. */
    static Path startFolder() {
        Path last = lastFolder;
        return last != null && Files.isDirectory(last) ? last : Path.of(System.getProperty("user.home"));
    }

    static void remember(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            lastFolder = folder;
        }
    }
}
