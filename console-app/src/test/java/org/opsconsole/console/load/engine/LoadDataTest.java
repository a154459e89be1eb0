package org.opsconsole.console.load.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.cli.OpsConsoleCommand;
import org.opsconsole.console.load.report.LoadData;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.ScenarioBuilder;
import org.opsconsole.model.Json;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run over the real services writes load data, says so, and leaves the operator's data as it
 * found it: what it created is deleted when it ends, or kept on request and deleted later.
 */
class LoadDataTest {

    private static final String MIX = "create-user=40,create-order=40,change-status=10,read-user=10";
    private final HttpClient http = HttpClient.newHttpClient();
    private RunningService users;
    private RunningService orders;

    @BeforeEach
    void start() {
        users = UserService.start(ServiceConfig.inMemory());
        orders = OrderService.start(ServiceConfig.inMemory().withUserServiceUrl(users.baseUri()));
    }

    @AfterEach
    void stop() {
        orders.close();
        users.close();
    }

    @Test
    void whatARunCreatesIsDeletedWhenItEnds() throws Exception {
        long usersBefore = total(users, "/users");
        long ordersBefore = total(orders, "/orders");

        LoadReport report = LoadEngine.start(scenario(false)).completion().get(60, TimeUnit.SECONDS);

        LoadData data = report.loadData();
        assertThat(data.createdUsers()).isPositive();
        assertThat(data.createdOrders()).isPositive();
        assertThat(data.kept()).isFalse();
        assertThat(data.remaining()).isZero();
        assertThat(data.summary()).contains("deleted them again");
        assertThat(total(users, "/users")).isEqualTo(usersBefore);
        assertThat(total(orders, "/orders")).isEqualTo(ordersBefore);
    }

    @Test
    void aRunStoppedByTheUserDeletesWhatItCreatedToo() throws Exception {
        long usersBefore = total(users, "/users");
        LoadRun run = LoadEngine.start(new ScenarioBuilder().services(users.baseUri().toString(), orders.baseUri().toString(), MIX)
                .stages("60s@40").warmup(Duration.ZERO).build());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> run.latest().requests() >= 20);

        run.stop();
        LoadData data = run.completion().get(60, TimeUnit.SECONDS).loadData();

        assertThat(data.createdUsers()).isPositive();
        assertThat(data.remaining()).as(data.summary()).isZero();
        assertThat(total(users, "/users")).isEqualTo(usersBefore);
    }

    @Test
    void keptLoadDataStaysUntilItIsDeleted() throws Exception {
        long usersBefore = total(users, "/users");
        long ordersBefore = total(orders, "/orders");

        LoadRun run = LoadEngine.start(scenario(true));
        LoadData data = run.completion().get(60, TimeUnit.SECONDS).loadData();

        assertThat(data.kept()).isTrue();
        assertThat(total(users, "/users")).isEqualTo(usersBefore + data.createdUsers());
        assertThat(total(orders, "/orders")).isEqualTo(ordersBefore + data.createdOrders());
        assertThat(data.summary()).contains("kept");

        LoadData left = run.deleteLoadData();
        assertThat(left.remaining()).isZero();
        assertThat(total(users, "/users")).isEqualTo(usersBefore);
        assertThat(total(orders, "/orders")).isEqualTo(ordersBefore);
    }

    @Test
    void theCommandSaysWhatItWillWriteAndWhatBecameOfIt() {
        StringWriter out = new StringWriter();
        var cli = OpsConsoleCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        long usersBefore = total(users, "/users");

        int code = cli.execute("load", "--users-url", users.baseUri().toString(), "--orders-url", orders.baseUri().toString(),
                "--mix", MIX, "--rate", "40", "--duration", "1s", "--warmup", "0s", "--no-save");

        assertThat(code).as(out.toString()).isZero();
        String printed = out.toString();
        assertThat(printed.indexOf("Writes load data: creates users")).as(printed)
                .isGreaterThanOrEqualTo(0).isLessThan(printed.indexOf("Open model"));
        assertThat(printed).contains("unless --keep-load-data", "Load data: created", "deleted them again");
        assertThat(total(users, "/users")).isEqualTo(usersBefore);
    }

    private LoadScenario scenario(boolean keep) {
        return new ScenarioBuilder().services(users.baseUri().toString(), orders.baseUri().toString(), MIX)
                .keepData(keep).stages("1s@60").warmup(Duration.ZERO).build();
    }

    private long total(RunningService service, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.baseUri().resolve(path + "?limit=1"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.mapper().readTree(response.body());
            return body.path("total").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
