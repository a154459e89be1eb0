package org.opsconsole.console.load.transport;

import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The https transport against a port that speaks only plain http: the failure is named for what to fix. */
class OkHttpLoadClientTest {

    private final OkHttpLoadClient client = new OkHttpLoadClient(4, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void https_to_a_plain_http_port_is_named_by_what_the_port_did() throws IOException {
        try (PlainPort answering = PlainPort.answeringBadRequest(); PlainPort closing = PlainPort.closingAtOnce()) {
            assertThat(httpsTo(answering)).isEqualTo("not https");
            assertThat(httpsTo(closing)).isEqualTo("tls handshake closed");
        }
    }

    /** The kind of failure of an https request to {@code plain}'s port. */
    private String httpsTo(PlainPort plain) {
        HttpUrl url = HttpUrl.get(plain.url().replace("http://", "https://") + "/users/1");
        LoadHttpClient.Outcome outcome = client.send(new Request.Builder().url(url).build(), false);
        assertThat(outcome.status()).isZero();
        return outcome.errorKind();
    }

    @Test
    void plain_http_to_the_same_port_gets_its_answer() throws IOException {
        try (PlainPort plain = PlainPort.answeringBadRequest()) {
            LoadHttpClient.Outcome outcome = client.send(new Request.Builder().url(plain.url() + "/users/1").build(), false);

            assertThat(outcome.status()).isEqualTo(400);
            assertThat(outcome.errorKind()).isEqualTo("http 400");
        }
    }
}
