package org.opsconsole.console.ui.fx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Save dialogs open in the home folder, then where the last file was saved (while it exists). */
class SaveDialogTest {

    @Test
    void opensWhereTheLastFileWasSavedAndFallsBackToHome(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        SaveDialog.remember(folder.resolve("metrics.csv"));
        assertThat(SaveDialog.startFolder()).isEqualTo(folder);
        Files.delete(folder);
        assertThat(SaveDialog.startFolder()).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
