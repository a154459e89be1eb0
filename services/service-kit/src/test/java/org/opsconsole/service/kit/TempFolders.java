package org.opsconsole.service.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing a test server's temporary folder. */
final class TempFolders {

    private TempFolders() {
    }

    /** Deletes {@code dir} and everything in it; a folder left behind only costs disk space. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left behind
        }
    }
}
