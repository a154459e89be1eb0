package org.opsconsole.console.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.FakeService;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.supervisor.WatchedService;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Services added at run time: what is checked, watched, remembered (token apart) and forgotten. */
class AddedServicesTest {

    @TempDir
    Path folder;
    private ConsoleSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void whatTheOperatorTypedIsCheckedAndSaidInWords() {
        assertThat(AddedService.of("users", "", "http://10.0.0.5:8081").name()).isEqualTo("users (10.0.0.5:8081)");
        assertThat(AddedService.of("orders", " eu orders ", "http://a:1, http://b:2\nhttp://c:3").urls())
                .containsExactly(URI.create("http://a:1"), URI.create("http://b:2"), URI.create("http://c:3"));
        assertThatThrownBy(() -> AddedService.of("users", null, "  ")).hasMessageContaining("Give the URL");
        assertThatThrownBy(() -> AddedService.of("users", null, "localhost:8081")).hasMessageContaining("not an http:// or https:// URL");
        assertThatThrownBy(() -> AddedService.of("users", null, "http://bad^host:1")).hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> AddedService.of("billing", null, "http://a:1")).hasMessageContaining("users or orders");
    }

    @Test
    void anAddedServiceIsWatchedScrapedAndRememberedWithItsTokenKeptApart() {
        DataFolders data = new DataFolders(folder);
        session = open(data);
        AtomicInteger heard = new AtomicInteger();
        session.services().addListener(heard::incrementAndGet);
        AddedService staging = AddedService.of("users", "staging", "http://127.0.0.1:1, http://127.0.0.1:2");

        String where = session.addService(staging, "t0ken");

        assertThat(where).contains("readable only by you");
        assertThat(heard).hasValue(1);
        WatchedService watched = session.services().named("staging").orElseThrow();
        assertThat(watched.kind()).isEqualTo("users");
        assertThat(watched.whyNotControllable()).isPresent();
        assertThat(session.metricSeries()).containsSubsequence("users", "orders", "staging", "staging @ 127.0.0.1:1", "staging @ 127.0.0.1:2");
        assertThat(session.metrics().history().keys()).contains(new SeriesKey("staging @ 127.0.0.1:2", Metric.LIVE_THREADS));
        assertThat(session.metrics().scrapeOnce().values()).containsKey(new SeriesKey("staging", Metric.REQUESTS_PER_SECOND));
        assertThat(session.http().tokenFor("http://127.0.0.1:2/users")).isEqualTo("t0ken");
        assertThatThrownBy(() -> session.addService(AddedService.of("orders", "staging", "http://127.0.0.1:3"), null))
                .hasMessageContaining("already watches a service called staging");
        assertThatThrownBy(() -> session.addService(AddedService.of("users", "users", "http://127.0.0.1:3"), null))
                .as("the console's own names are taken too").hasMessageContaining("already watches");

        session.close();
        session = open(data);
        assertThat(session.services().added()).extracting(WatchedService::name).containsExactly("staging");
        assertThat(session.http().tokenFor("http://127.0.0.1:1")).as("the token came back from where it was kept").isEqualTo("t0ken");

        assertThat(session.removeService("staging")).isTrue();
        assertThat(session.removeService("users")).as("the console's own can't be removed").isFalse();
        assertThat(session.services().all()).extracting(WatchedService::name).containsExactly("users", "orders");
        assertThat(session.metricSeries()).containsExactly("users", "orders");
        assertThat(session.http().tokenFor("http://127.0.0.1:1")).isNull();
        session.close();
        session = open(data);
        assertThat(session.services().added()).isEmpty();
    }

    @Test
    void anUnreadableListIsSkippedAndTheConsoleStillStarts() throws Exception {
        Files.writeString(folder.resolve("added-services.json"), "[{\"kind\":\"nonsense\"}]");
        session = open(new DataFolders(folder));
        assertThat(session.services().all()).hasSize(2);
    }

    @Test
    void withoutADataFolderTokensAreKeptForTheSessionOnly() {
        session = open(null);
        assertThat(session.addService(AddedService.of("orders", null, "http://127.0.0.1:9"), "x")).contains("this session only");
        assertThat(session.addService(AddedService.of("users", null, "http://127.0.0.1:9"), null)).contains("No API token");
    }

    private static ConsoleSession open(DataFolders data) {
        return ConsoleSession.withLaunchers(ConsoleOptions.forTests().withFolders(data),
                FakeService.launcher("users", "test.users"), FakeService.launcher("orders", "test.orders"));
    }
}
