package org.opsconsole.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./opsconsole} as a user runs it, on JavaFX's headless platform: the window opens with
 * both services running and shows every screen (its training run, which then quits), and nothing
 * it prints is a warning: JavaFX comes from the module path, and the help formats its URLs.
 */
class ConsoleLauncherTest {

    @Test
    void theWindowOpensWithBothServicesRunningShowsEveryScreenAndWarnsOfNothing(@TempDir Path data) throws Exception {
        List<String> out = run("--training-run", "--data-dir", data.toString(), "--user-port", "0", "--order-port", "0");
        assertThat(out).anyMatch(line -> line.contains("window shown"));
        assertThat(out).anyMatch(line -> line.contains("start all finished") && line.endsWith("RUNNING / RUNNING"));
        assertNoWarning(out);
    }

    @Test
    void theHelpListsTheCommandsAndWarnsOfNothing() throws Exception {
        List<String> out = run("--help");
        assertThat(out).anyMatch(line -> line.trim().startsWith("serve"));
        assertNoWarning(out);
    }

    private static void assertNoWarning(List<String> out) {
        assertThat(out)
                .filteredOn(line -> !line.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS"))
                .noneMatch(line -> line.contains("WARN") || line.contains("SEVERE") || line.contains("Unsupported JavaFX")
                        // JavaFX's own debugging line when it is given a frame rate
                        || line.contains("PULSE_DURATION"));
    }

    /** Runs the launcher of the checkout to its end (3 minutes at most) and answers what it printed. */
    private static List<String> run(String... args) throws IOException, InterruptedException {
        Path root = Repo.root();
        assumeTrue(Files.isRegularFile(root.resolve("console-app/target/opsconsole.jar")),
                "console-app is packaged before this module's tests");
        assumeTrue(Repo.onPath("bash") != null, "the launcher is a bash script");
        List<String> command = new java.util.ArrayList<>(List.of(root.resolve("opsconsole").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("OPSCONSOLE_AOT", "off");
        builder.environment().put("OPSCONSOLE_NO_BUILD", "1");
        builder.environment().put("JDK_JAVA_OPTIONS", "-Dglass.platform=Headless -Dprism.order=sw");
        Process process = builder.start();
        try {
            CompletableFuture<String> printed = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
            String text = printed.join();
            assertThat(process.exitValue()).as(text).isZero();
            return text.lines().toList();
        } finally {
            process.destroyForcibly();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
