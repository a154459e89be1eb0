package org.opsconsole.service.kit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service in a child JVM, started from its standalone main, so a test can kill it with SIGKILL. */
public final class ChildService implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ready on (http://\\S+)");

    private final Process process;
    private final URI baseUri;

    private ChildService(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** Starts {@code mainClass} with {@code -Dkey=value} settings and waits for its ready line. */
    public static ChildService start(String mainClass, Path dataDir, String... settings) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Ddata-dir=" + dataDir, "-Dserver.port=0", "-Ddemo-data=false"));
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        command.add(mainClass);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = CompletableFuture.supplyAsync(() -> awaitReady(process, mainClass));
        try {
            return new ChildService(process, ready.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static URI awaitReady(Process process, String mainClass) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        try {
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
                    Thread.ofVirtual().start(() -> forward(out, name));
                    return URI.create(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("child service ended before it was ready:\n" + seen);
    }

    /** The child's log after its ready line goes to this JVM's output, each line marked with the child's name. */
    private static void forward(BufferedReader out, String name) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[" + name + "] " + line);
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
