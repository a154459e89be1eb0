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
    void https_to_a_plain_http_port_that_answers_is_named_not_https() throws IOException {
        try (PlainPort plain = PlainPort.answeringBadRequest()) {
            HttpUrl url = HttpUrl.get(plain.url().replace("http://", "https://") + "/users/1");

            LoadHttpClient.Outcome outcome = client.send(new Request.Builder().url(url).build(), false);

            assertThat(outcome.status()).isZero();
            assertThat(outcome.errorKind()).isEqualTo("not https");
        }
    }

    @Test
    void https_to_a_port_that_closes_the_handshake_is_named_so() throws IOException {
        try (PlainPort plain = PlainPort.closingAtOnce()) {
            HttpUrl url = HttpUrl.get(plain.url().replace("http://", "https://") + "/users/1");

            LoadHttpClient.Outcome outcome = client.send(new Request.Builder().url(url).build(), false);

            assertThat(outcome.status()).isZero();
            assertThat(outcome.errorKind()).isEqualTo("tls handshake closed");
        }
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
