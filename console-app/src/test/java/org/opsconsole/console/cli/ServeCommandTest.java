package org.opsconsole.console.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code opsconsole serve} as a user runs it: ready lines, both services answer, SIGTERM stops it cleanly. */
class ServeCommandTest {

    private static final Pattern READY = Pattern.compile("^(users|orders) ready on (http://\\S+)");

    @Test
    void serveStartsBothServicesOnFreePortsAndStopsOnSigterm(@TempDir Path data) throws Exception {
        Process process = start(data, "serve", "--user-port", "0", "--order-port", "0", "--data-dir", data.toString());
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<List<URI>> ready = CompletableFuture.supplyAsync(() -> readyUris(process, output));
        try {
            List<URI> uris = ready.get(90, TimeUnit.SECONDS);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> users = http.send(HttpRequest.newBuilder(uris.get(0).resolve("/users?limit=5")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> orders = http.send(HttpRequest.newBuilder(uris.get(1).resolve("/orders?limit=5")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"total\":40");
            assertThat(orders.statusCode()).isEqualTo(200);
            assertThat(orders.body()).contains("\"total\":300");

            // SIGTERM as a service manager sends it (Process.destroy would also close our pipes)
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            CompletableFuture.runAsync(() -> drain(process, output)).get(10, TimeUnit.SECONDS);
            assertThat(output).contains("Services stopped.");
            assertThat(Files.exists(data.resolve("users.mv.db"))).isTrue();
            assertThat(Files.exists(data.resolve("orders.mv.db"))).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void boundOffLoopbackWithATokenEveryReadOfDataNeedsTheTokenAndHealthStaysOpen(@TempDir Path data) throws Exception {
        Process process = start(data, "serve", "--bind", "0.0.0.0", "--api-token", "T0ken",
                "--user-port", "0", "--order-port", "0", "--data-dir", data.toString());
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<List<URI>> ready = CompletableFuture.supplyAsync(() -> readyUris(process, output));
        try {
            List<URI> uris = ready.get(90, TimeUnit.SECONDS);
            HttpClient http = HttpClient.newHttpClient();
            for (URI base : uris) {
                String data1 = base.equals(uris.get(0)) ? "/users" : "/orders";
                for (String path : List.of(data1, data1 + "/1", "/events")) {
                    assertThat(status(http, base.resolve(path), null)).as(path + " without a token").isEqualTo(401);
                    assertThat(status(http, base.resolve(path), "Bearer wrong")).as(path + " with a wrong one").isEqualTo(401);
                    assertThat(status(http, base.resolve(path), "Bearer T0ken")).as(path + " with the token").isEqualTo(200);
                }
                assertThat(status(http, base.resolve("/observe/health"), null)).isEqualTo(200);
                assertThat(status(http, base.resolve("/openapi"), null)).isEqualTo(200);
            }
            // the orders service asks the users service about the user with the token
            HttpResponse<String> order = http.send(HttpRequest.newBuilder(uris.get(1).resolve("/orders"))
                    .header("Authorization", "Bearer T0ken").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"userId\":1,\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int status(HttpClient http, URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aTakenPortFailsWithAReadableMessage(@TempDir Path data) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Process process = start(data, "serve", "--user-port", Integer.toString(taken.getLocalPort()),
                    "--order-port", "0", "--data-dir", data.toString());
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(text).contains("The users service could not start: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use by another program");
        }
    }

    @Test
    void aDataFolderInUseByAnotherConsoleIsSaidAndNothingStarts(@TempDir Path data) throws Exception {
        try (var held = org.opsconsole.console.session.DataFolderLock.acquire(data)) {
            Process process = start(data, "serve", "--user-port", "0", "--order-port", "0", "--data-dir", data.toString());
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(text).contains("Another Ops Console (process " + ProcessHandle.current().pid()
                    + ") is using the data folder " + data.toAbsolutePath() + ". Stop it, or give --data-dir another folder.");
            assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
            try (var files = java.nio.file.Files.list(data)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly("console.lock");
            }
        }
    }

    @Test
    void helpListsTheCommands() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = OpsConsoleCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve");
    }

    private static Process start(Path data, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.opsconsole.console.Launcher"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).directory(data.toFile()).start();
    }

    private static List<URI> readyUris(Process process, List<String> output) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI users = null;
        URI orders = null;
        try {
            for (String line; (line = reader.readLine()) != null; ) {
                output.add(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    if (m.group(1).equals("users")) {
                        users = URI.create(m.group(2));
                    } else {
                        orders = URI.create(m.group(2));
                    }
                }
                if (users != null && orders != null) {
                    return List.of(users, orders);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("serve ended before both services were ready:\n" + String.join("\n", output));
    }

    private static void drain(Process process, List<String> output) {
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).lines()
                .forEach(output::add);
    }
}
