package org.opsconsole.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A java process on this test's class path with exactly the environment given; output collected. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** An already started process (its output must be redirected into its input stream). */
    static ChildJvm of(Process process) {
        return new ChildJvm(process);
    }

    static ChildJvm start(String mainClass, Map<String, String> env, List<String> args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath, mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();   // nothing of this machine's environment leaks into the check
        builder.environment().putAll(env);
        return new ChildJvm(builder.start());
    }

    String output() {
        return output.toString();
    }

    /** Waits for the line, failing early with the output if the process ends first. */
    String awaitOutput(String marker, Duration atMost) {
        await("'" + marker + "' from the child").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (output.indexOf(marker) >= 0) {
                        return true;
                    }
                    if (!process.isAlive()) {
                        throw new AssertionError("the child ended (exit " + process.exitValue() + ") before '"
                                + marker + "':\n" + output);
                    }
                    return false;
                });
        return output();
    }

    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child still runs after " + atMost + ":\n" + output);
        }
        reader.join(2_000);   // the last lines
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
