package org.opsconsole.console.load.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.OperationMix;
import org.opsconsole.console.load.workload.RatePlan;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run against services that want an API token sends it with every request. */
class LoadWithApiTokenTest {

    private static final String TOKEN = "load-token";
    private RunningService users;
    private RunningService orders;

    @BeforeEach
    void start() {
        users = UserService.start(ServiceConfig.inMemory().withApiToken(TOKEN));
        orders = OrderService.start(ServiceConfig.inMemory().withApiToken(TOKEN).withUserServiceUrl(users.baseUri()));
    }

    @AfterEach
    void stop() {
        orders.close();
        users.close();
    }

    @Test
    void everyWriteCarriesTheTokenAndNoneIsRefused() throws Exception {
        LoadReport report = run(TOKEN);
        assertThat(report.requests()).isPositive();
        assertThat(report.errors()).as(report.errorsByKind().toString()).isZero();
    }

    @Test
    void withoutTheTokenTheRunSaysSoInWords() {
        assertThatThrownBy(() -> run(null)).hasMessageContaining("the users service at " + users.baseUri().toString()
                .replaceAll("/$", "")).hasMessageContaining("wants an API token");
        assertThatThrownBy(() -> run("wrong")).hasMessageContaining("refused the API token");
    }

    private LoadReport run(String token) throws Exception {
        LoadScenario scenario = LoadScenario.of(
                new LoadScenario.Services(users.baseUri().toString(), orders.baseUri().toString(),
                        OperationMix.parse("create-user=50,create-order=30,read-user=20"), token),
                new LoadScenario.Open(RatePlan.constant(50, Duration.ofSeconds(1))));
        return LoadEngine.start(scenario).completion().get(60, TimeUnit.SECONDS);
    }
}
