package org.opsconsole.packaging;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the checkout, for the tests of the files under deploy/. */
final class Repo {

    private Repo() {
    }

    /** The checkout's root: surefire passes it, else the parent of the packaging module's folder. */
    static Path root() {
        String given = System.getProperty("opsconsole.repo");
        Path root = (given != null ? Path.of(given) : Path.of("").toAbsolutePath().getParent()).normalize();
        if (!Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("no deploy/ folder in " + root + ": run the tests from the packaging module");
        }
        return root;
    }

    static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }

    /** The first executable of that name on the PATH, or null. */
    static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
