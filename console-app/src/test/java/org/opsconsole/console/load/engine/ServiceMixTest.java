package org.opsconsole.console.load.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.OperationMix;
import org.opsconsole.console.load.workload.RatePlan;
import org.opsconsole.console.load.workload.ServiceOperations;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

class ServiceMixTest {

    private TestServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestServer(Duration.ofMillis(1));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private LoadReport run(String mix, double rate, Duration duration) throws Exception {
        LoadScenario scenario = LoadScenario.of(
                new LoadScenario.Services(server.url(), server.url(), OperationMix.parse(mix)),
                new LoadScenario.Open(RatePlan.constant(rate, duration)));
        return LoadEngine.start(scenario).completion().get(60, TimeUnit.SECONDS);
    }

    @Test
    void the_mix_holds_its_proportions_within_two_percent() throws Exception {
        LoadReport report = run(ServiceOperations.DEFAULT_MIX, 1000, Duration.ofSeconds(3));

        Map<String, Long> counts = report.operations().stream()
                .collect(Collectors.toMap(LoadReport.OperationReport::name, LoadReport.OperationReport::count));
        assertThat(report.requests()).isEqualTo(3000);
        Map<String, Double> expected = Map.of("read-user", 0.60, "list-users", 0.10, "create-user", 0.10,
                "create-order", 0.15, "change-status", 0.05);
        expected.forEach((name, share) -> assertThat((double) counts.get(name) / report.requests())
                .as(name).isCloseTo(share, within(share * 0.02)));
    }

    @Test
    void created_data_is_valid_and_moves_are_legal() throws Exception {
        LoadReport report = run("read-user=20,create-user=20,create-order=30,change-status=30", 300, Duration.ofSeconds(2));

        assertThat(report.errors()).as(report.errorsByKind().toString()).isZero();
        assertThat(server.duplicateEmails).hasValue(0);
        assertThat(server.unknownUsers).hasValue(0);
        assertThat(server.illegalMoves).hasValue(0);
        assertThat(server.users.values()).filteredOn(e -> e.startsWith("load-" + report.runId() + "-"))
                .hasSizeGreaterThanOrEqualTo(100);
        assertThat(server.orderStatus.values()).contains("PAID");
        assertThat(server.count("PATCH /orders/{id}")).isGreaterThanOrEqualTo(150);
    }

    @Test
    void an_unknown_operation_is_refused_with_the_known_names() {
        OperationMix mix = OperationMix.parse("read-user=1,fly=2");
        assertThatThrownBy(() -> new ServiceOperations(server.url(), server.url(), "x").operations(mix))
                .hasMessageContaining("fly").hasMessageContaining("change-status");
    }

    @Test
    void unreachable_services_fail_the_start_with_a_reason() {
        LoadScenario scenario = LoadScenario.of(
                new LoadScenario.Services("http://127.0.0.1:1", "http://127.0.0.1:1", OperationMix.parse("read-user=1")),
                new LoadScenario.Open(RatePlan.constant(10, Duration.ofSeconds(1))));
        assertThatThrownBy(() -> LoadEngine.start(scenario).completion().get(30, TimeUnit.SECONDS))
                .hasMessageContaining("Before the run could start, the console tried to list the users to read and to order for, "
                        + "but nothing answers at http://127.0.0.1:1. Start the users service, or correct its URL.");
    }

    @Test
    void services_given_as_https_on_a_plain_http_port_fail_the_start_saying_so() throws Exception {
        try (var answering = org.opsconsole.console.load.transport.PlainPort.answeringBadRequest();
             var closing = org.opsconsole.console.load.transport.PlainPort.closingAtOnce()) {
            assertThat(startFailure(answering.url().replace("http://", "https://")))
                    .contains("answers plain http, not https. Correct the users URL to http://");
            assertThat(startFailure(closing.url().replace("http://", "https://")))
                    .contains("closed the connection during the TLS handshake: it may be a plain http port. "
                            + "Correct the users URL to http://, or check its TLS setup.");
        }
    }

    /** Why a run against both services at {@code url} failed to start. */
    private static String startFailure(String url) {
        LoadScenario scenario = LoadScenario.of(new LoadScenario.Services(url, url, OperationMix.parse("read-user=1")),
                new LoadScenario.Open(RatePlan.constant(10, Duration.ofSeconds(1))));
        Throwable failure = catchThrowable(() -> LoadEngine.start(scenario).completion().get(30, TimeUnit.SECONDS));
        assertThat(failure).as("the run must not start").isNotNull();
        return failure.getMessage();
    }

    @Test
    void the_selector_loop_runs_the_mix_with_valid_data() throws Exception {
        LoadScenario scenario = LoadScenario.of(
                        new LoadScenario.Services(server.url(), server.url(), OperationMix.parse(ServiceOperations.DEFAULT_MIX)),
                        new LoadScenario.Open(RatePlan.constant(500, Duration.ofSeconds(2))))
                ;

        LoadReport report = LoadEngine.start(scenario).completion().get(60, TimeUnit.SECONDS);

        assertThat(report.requests()).isEqualTo(1000);
        assertThat(report.errors()).as(report.errorsByKind().toString()).isZero();
        assertThat(server.duplicateEmails).hasValue(0);
        assertThat(server.illegalMoves).hasValue(0);
        assertThat(server.unknownUsers).hasValue(0);
    }
}
