package org.opsconsole.service.kit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the servers the tests run are installed: the places {@code .mvn/test-tools.sh} looks at
 * (and installs to), Debian's and Homebrew's folders, then the PATH.
 */
public final class TestPrograms {

    private TestPrograms() {
    }

    /** PostgreSQL's bin folder (with initdb and pg_ctl), the newest version first. */
    public static Path postgresBin() {
        return Stream.of("/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt")
                .flatMap(TestPrograms::children)
                .filter(dir -> dir.getFileName().toString().matches("\\d+|postgresql@\\d+"))
                .map(dir -> dir.resolve("bin"))
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                .max(Comparator.comparing(bin -> bin.getParent().getFileName().toString().replaceAll("\\D", ""),
                        Comparator.comparingInt(Integer::parseInt)))
                .or(() -> onPath("initdb").map(Path::getParent))
                .orElseThrow(() -> missing("PostgreSQL", "postgresql", "postgresql", "postgresql@15"));
    }

    /** RabbitMQ's {@code rabbitmq-server} start script. */
    public static Path rabbitMqServer() {
        return Stream.of("/usr/sbin", "/opt/homebrew/sbin", "/usr/local/sbin")
                .map(dir -> Path.of(dir, "rabbitmq-server"))
                .filter(Files::isExecutable)
                .findFirst()
                .or(() -> onPath("rabbitmq-server"))
                .orElseThrow(() -> missing("RabbitMQ", "rabbitmq", "rabbitmq-server", "rabbitmq"));
    }

    /** The first executable of that name on the PATH. */
    public static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    private static IllegalStateException missing(String what, String tool, String debian, String brew) {
        return new IllegalStateException(what + " is not installed and these tests run a real one: ./mvnw verify"
                + " installs it where it can (.mvn/test-tools.sh " + tool + "), or install it yourself"
                + " (Debian, Ubuntu: apt-get install " + debian + "; macOS: brew install " + brew + ")");
    }

    private static Stream<Path> children(String dir) {
        try (Stream<Path> list = Files.list(Path.of(dir))) {
            return list.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
