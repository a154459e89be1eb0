package org.opsconsole.console.session;

import org.opsconsole.service.kit.AppDataFolder;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataFoldersTest {

    private static final Path HOME = Path.of("/home/ann");

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(AppDataFolder.defaultRoot("Linux", Map.of("XDG_DATA_HOME", "/data/ann"), HOME))
                .isEqualTo(Path.of("/data/ann/opsconsole"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertThat(AppDataFolder.defaultRoot("Linux", Map.of(), HOME)).isEqualTo(HOME.resolve(".local/share/opsconsole"));
        assertThat(AppDataFolder.defaultRoot("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), HOME))
                .isEqualTo(HOME.resolve(".local/share/opsconsole"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(AppDataFolder.defaultRoot("Mac OS X", Map.of(), HOME))
                .isEqualTo(HOME.resolve("Library/Application Support/Ops Console"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(AppDataFolder.defaultRoot("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ann/AppData/Local"), HOME))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Local/OpsConsole"));
        assertThat(AppDataFolder.defaultRoot("Windows 11", Map.of(), HOME))
                .isEqualTo(HOME.resolve("AppData/Local/OpsConsole"));
    }

    @Test
    void overrideWins(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThat(DataFolders.resolve(dir).root()).isEqualTo(dir.toAbsolutePath());
        assertThat(DataFolders.resolve(null).root()).isEqualTo(AppDataFolder.defaultRoot().toAbsolutePath());
    }
}
