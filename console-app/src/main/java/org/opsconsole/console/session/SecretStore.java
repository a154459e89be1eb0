package org.opsconsole.console.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the API tokens of added services are kept, apart from the list of services: the desktop's
 * secret store when it offers one (the Secret Service through libsecret's {@code secret-tool} on
 * Linux, the login keychain through {@code security} on macOS), else a file only its owner may read,
 * and {@link #where()} says which in words, for the operator.
 */
public interface SecretStore {

    Optional<String> read(String key);

    void write(String key, String secret);

    void delete(String key);

    /** A sentence saying where a token is kept. */
    String where();

    /** The desktop's store if it answers, else {@code tokens.properties} in {@code folder} (null: this session only). */
    static SecretStore forThisDesktop(Path folder) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        SecretStore desktop = os.contains("mac") ? new CommandStore.MacKeychain() : new CommandStore.SecretTool();
        if (desktop instanceof CommandStore command && command.answers()) {
            return desktop;
        }
        return folder == null ? new InMemory() : new OwnerOnlyFile(folder.resolve("tokens.properties"));
    }

    /** Kept for this session only: what a console without a data folder (tests) uses. */
    final class InMemory implements SecretStore {
        private final Map<String, String> secrets = new ConcurrentHashMap<>();

        @Override
        public Optional<String> read(String key) {
            return Optional.ofNullable(secrets.get(key));
        }

        @Override
        public void write(String key, String secret) {
            secrets.put(key, secret);
        }

        @Override
        public void delete(String key) {
            secrets.remove(key);
        }

        @Override
        public String where() {
            return "The token is kept for this session only: this console has no data folder.";
        }
    }

    /** A properties file readable and writable by its owner only (POSIX 600 where the file system has it). */
    final class OwnerOnlyFile implements SecretStore {
        private final Path file;

        public OwnerOnlyFile(Path file) {
            this.file = file;
        }

        @Override
        public synchronized Optional<String> read(String key) {
            return Optional.ofNullable(load().getProperty(key));
        }

        @Override
        public synchronized void write(String key, String secret) {
            Properties all = load();
            all.setProperty(key, secret);
            store(all);
        }

        @Override
        public synchronized void delete(String key) {
            Properties all = load();
            if (all.remove(key) != null) {
                store(all);
            }
        }

        @Override
        public String where() {
            return "This desktop offers no secret store, so the token is kept in " + file + ", readable only by you.";
        }

        private Properties load() {
            Properties all = new Properties();
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    all.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("can't read " + file, e);
                }
            }
            return all;
        }

        private void store(Properties all) {
            try {
                Files.createDirectories(file.getParent());
                Path next = file.resolveSibling(file.getFileName() + ".new");
                Files.deleteIfExists(next);
                try {
                    Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(next);
                }
                try (OutputStream out = Files.newOutputStream(next)) {
                    all.store(out, "API tokens of the services added to Ops Console");
                }
                Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("can't write " + file, e);
            }
        }
    }

    /** A store reached through the desktop's own command-line tool. */
    abstract sealed class CommandStore implements SecretStore permits CommandStore.SecretTool, CommandStore.MacKeychain {
        static final String SERVICE = "opsconsole";

        /** True when the tool is installed and its store answers (a lookup of nothing runs cleanly). */
        abstract boolean answers();

        static Result run(List<String> command, String input) {
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
                try (OutputStream in = process.getOutputStream()) {
                    if (input != null) {
                        in.write(input.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "", "timed out");
                }
                return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                return new Result(-1, "", String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "", "interrupted");
            }
        }

        record Result(int exit, String out, String err) {
        }

        /** libsecret's {@code secret-tool}: the Secret Service (GNOME Keyring, KWallet) over D-Bus. */
        static final class SecretTool extends CommandStore {
            @Override
            boolean answers() {
                if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
                    return false;
                }
                Result probe = run(List.of("secret-tool", "lookup", "service", SERVICE, "key", "-probe-"), null);
                return (probe.exit() == 0 || probe.exit() == 1) && probe.err().isBlank();
            }

            @Override
            public Optional<String> read(String key) {
                Result found = run(List.of("secret-tool", "lookup", "service", SERVICE, "key", key), null);
                return found.exit() == 0 && !found.out().isEmpty() ? Optional.of(found.out().strip()) : Optional.empty();
            }

            @Override
            public void write(String key, String secret) {
                Result stored = run(List.of("secret-tool", "store", "--label=Ops Console: " + key, "service", SERVICE, "key", key), secret);
                if (stored.exit() != 0) {
                    throw new IllegalStateException("The desktop's secret store refused the token: " + stored.err().strip());
                }
            }

            @Override
            public void delete(String key) {
                run(List.of("secret-tool", "clear", "service", SERVICE, "key", key), null);
            }

            @Override
            public String where() {
                return "The token is kept in the desktop's secret store (Secret Service), not in the console's files.";
            }
        }

        /** macOS's login keychain through {@code security}. */
        static final class MacKeychain extends CommandStore {
            @Override
            boolean answers() {
                Result probe = run(List.of("security", "find-generic-password", "-s", SERVICE, "-a", "-probe-"), null);
                return probe.exit() == 0 || probe.exit() == 44; // 44: no such item, the keychain answered
            }

            @Override
            public Optional<String> read(String key) {
                Result found = run(List.of("security", "find-generic-password", "-s", SERVICE, "-a", key, "-w"), null);
                return found.exit() == 0 ? Optional.of(found.out().strip()) : Optional.empty();
            }

            @Override
            public void write(String key, String secret) {
                Result stored = run(List.of("security", "add-generic-password", "-U", "-s", SERVICE, "-a", key, "-w", secret), null);
                if (stored.exit() != 0) {
                    throw new IllegalStateException("The keychain refused the token: " + stored.err().strip());
                }
            }

            @Override
            public void delete(String key) {
                run(List.of("security", "delete-generic-password", "-s", SERVICE, "-a", key), null);
            }

            @Override
            public String where() {
                return "The token is kept in your login keychain, not in the console's files.";
            }
        }
    }
}
