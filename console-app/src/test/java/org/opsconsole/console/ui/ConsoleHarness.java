package org.opsconsole.console.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.opsconsole.console.session.ConsoleOptions;
import org.opsconsole.console.session.ConsoleSession;
import org.opsconsole.console.TestServices;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** Opens the real console window on TestFX's stage with test services, and helps read it. */
final class ConsoleHarness implements AutoCloseable {

    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(5))
            .build();

    final Stage stage;
    final ConsolePreferences preferences;
    final AtomicBoolean exited = new AtomicBoolean();
    ConsoleSession session;
    ConsoleWindow window;

    private ConsoleHarness(Stage stage, ConsolePreferences preferences) {
        this.stage = stage;
        this.preferences = preferences;
    }

    static ConsolePreferences freshPreferences() {
        return ConsolePreferences.forNode("org/opsconsole/console-test/" + UUID.randomUUID());
    }

    static ConsoleHarness open(Stage stage, ConsoleOptions options) throws Exception {
        return open(stage, options, freshPreferences());
    }

    static ConsoleHarness open(Stage stage, ConsoleOptions options, ConsolePreferences preferences) throws Exception {
        ConsoleHarness harness = new ConsoleHarness(stage, preferences);
        WaitForAsyncUtils.asyncFx(() -> {
            harness.session = ConsoleSession.withLaunchers(options, TestServices.users(), TestServices.orders());
            harness.window = new ConsoleWindow(harness.session, preferences, () -> harness.exited.set(true));
            harness.window.show(stage);
            HeadlessClicks.leftClicksAreNoPopupTriggers(stage.getScene());
            harness.session.begin();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return harness;
    }

    String text(String id) {
        Node node = stage.getScene().lookup("#" + id);
        return node instanceof Label label ? label.getText() : String.valueOf(node);
    }

    URI url(String service) {
        return (service.equals("users") ? session.services().users() : session.services().orders()).status().baseUri();
    }

    static int get(URI uri) throws IOException {
        try (Response response = HTTP.newCall(new Request.Builder().url(uri.toString()).build()).execute()) {
            return response.code();
        }
    }

    static String body(URI uri) throws IOException {
        try (Response response = HTTP.newCall(new Request.Builder().url(uri.toString()).build()).execute()) {
            return response.body().string();
        }
    }

    static int post(URI uri, String json) throws IOException {
        Request request = new Request.Builder().url(uri.toString())
                .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json"))).build();
        try (Response response = HTTP.newCall(request).execute()) {
            return response.code();
        }
    }

    static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (session != null) {
            session.close();
        }
        WaitForAsyncUtils.asyncFx(() -> {
            if (window != null) {
                window.views().dispose();
            }
        }).get();
        preferences.remove();
    }
}
