package org.opsconsole.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code opsconsole serve} in a child process, as another machine would run it: the product's own
 * entry point on this test's class path, on free ports, with an API token, its data in a folder of
 * the test's. Waits for the two "ready" lines; {@link #kill()} is {@code kill -9}; {@link #close()}
 * stops it (SIGTERM, then force) and is safe to call twice.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^(users|orders) ready on (\\S+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<URI> users = new CompletableFuture<>();
    private final CompletableFuture<URI> orders = new CompletableFuture<>();

    private ServeProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("serve-output").start(this::read);
    }

    /** Starts {@code serve --user-port 0 --order-port 0 --data-dir DIR --api-token TOKEN} and waits until both services are ready. */
    public static ServeProcess start(Path dataDir, String token) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                Launcher.class.getName(), "serve", "--user-port", "0", "--order-port", "0",
                "--data-dir", dataDir.toString(), "--no-demo-data"));
        if (token != null) {
            command.addAll(List.of("--api-token", token));
        }
        ServeProcess serve = new ServeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        try {
            serve.users.get(60, TimeUnit.SECONDS);
            serve.orders.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            serve.close();
            throw new IOException("interrupted while serve started");
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            serve.close();
            throw new IOException("serve did not get ready; it said: " + String.join("\n", serve.output), e);
        }
        return serve;
    }

    public URI users() {
        return users.join();
    }

    public URI orders() {
        return orders.join();
    }

    /** What it printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Ends it the way {@code kill -9} does: no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    (ready.group(1).equals("users") ? users : orders).complete(URI.create(ready.group(2)));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        IOException ended = new IOException("serve ended: " + String.join("\n", output));
        users.completeExceptionally(ended);
        orders.completeExceptionally(ended);
    }
}
