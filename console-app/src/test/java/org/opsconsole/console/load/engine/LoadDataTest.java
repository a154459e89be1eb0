package org.opsconsole.console.load.engine;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.cli.OpsConsoleCommand;
import org.opsconsole.console.load.report.LoadData;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.transport.LoadHttpClient;
import org.opsconsole.console.load.transport.PlainHttpClient;
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
import java.util.concurrent.atomic.AtomicInteger;

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
    void createsWhoseAnswersNeverCameAreFoundAndDeletedToo() throws Exception {
        long usersBefore = total(users, "/users");
        long ordersBefore = total(orders, "/orders");
        AnswersLost transport = new AnswersLost();
        LoadScenario twoSeconds = new ScenarioBuilder().services(users.baseUri().toString(), orders.baseUri().toString(), MIX)
                .stages("2s@60").warmup(Duration.ZERO).build();

        LoadData data = LoadEngine.start(twoSeconds, LoadClock.SYSTEM, () -> transport).completion().get(60, TimeUnit.SECONDS).loadData();

        assertThat(transport.lostUsers).hasValue(3);
        assertThat(transport.lostOrders).hasValue(3);
        assertThat(data.remaining()).as(data.summary()).isZero();
        assertThat(total(users, "/users")).isEqualTo(usersBefore);
        assertThat(total(orders, "/orders")).isEqualTo(ordersBefore);
    }

    @Test
    void whenTheServicesCantBeSearchedAfterTheRunItsReportSaysSomeMayBeLeft() throws Exception {
        long usersBefore = total(users, "/users");
        AnswersLost transport = new AnswersLost();
        transport.searchFails = true;
        LoadScenario twoSeconds = new ScenarioBuilder().services(users.baseUri().toString(), orders.baseUri().toString(), MIX)
                .stages("2s@60").warmup(Duration.ZERO).build();

        LoadReport report = LoadEngine.start(twoSeconds, LoadClock.SYSTEM, () -> transport).completion().get(60, TimeUnit.SECONDS);

        LoadData data = report.loadData();
        assertThat(data.searchProblem()).contains("find the users of run " + report.runId());
        assertThat(data.summary()).contains("Some may be left that the run did not hear it created")
                .contains("could not be searched");
        // what it heard of is deleted; the three users whose answers were lost are what the summary warns of
        assertThat(total(users, "/users")).isEqualTo(usersBefore + transport.lostUsers.get());
    }

    /**
     * The real network, but the services' answers to three of the run's creates of users and three
     * of its creates of orders are lost, as in a stop or a timeout: the services did create them.
     * With {@link #searchFails}, a search of the users by the run's marker gets no answer either.
     */
    private static final class AnswersLost implements LoadHttpClient {
        volatile boolean searchFails;
        final AtomicInteger lostUsers = new AtomicInteger();
        final AtomicInteger lostOrders = new AtomicInteger();
        private final AtomicInteger userCreates = new AtomicInteger();
        private final AtomicInteger orderCreates = new AtomicInteger();
        private final LoadHttpClient real =
                new PlainHttpClient(Duration.ofSeconds(5));

        @Override
        public Outcome send(Request request, boolean readBody) {
            if (searchFails && request.method().equals("GET") && request.url().queryParameter("q") != null) {
                return new Outcome(0, "connection refused", null);
            }
            Outcome outcome = real.send(request, readBody);
            if (!request.method().equals("POST") || outcome.status() != 201) {
                return outcome;
            }
            // the run's preparation creates its first 10 users and 20 orders: the answers lost are the run's own
            boolean createsUser = request.url().encodedPath().equals("/users");
            int created = (createsUser ? userCreates : orderCreates).incrementAndGet();
            int first = createsUser ? 13 : 23;
            if (created >= first && created < first + 3) {
                (createsUser ? lostUsers : lostOrders).incrementAndGet();
                return new Outcome(0, "timeout", null);
            }
            return outcome;
        }

        @Override
        public void cancelAll() {
            real.cancelAll();
        }

        @Override
        public void close() {
            real.close();
        }
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
        var cli = commandLine(out);
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

    @Test
    void everyOrderARunCreatesGoesToOneOfItsOwnUsersSoItsDataIsMarked() throws Exception {
        java.util.Set<Long> ordersBefore = ids(orders, "/orders");

        LoadRun run = LoadEngine.start(scenario(true));
        LoadData data = run.completion().get(60, TimeUnit.SECONDS).loadData();

        JsonNode all = get(orders, "/orders?limit=1000");
        int newOrders = 0;
        for (JsonNode order : all.path("items")) {
            if (!ordersBefore.contains(order.path("id").asLong())) {
                newOrders++;
                String email = get(users, "/users/" + order.path("userId").asLong()).path("email").asText();
                assertThat(email).as("owner of order %s", order.path("id")).startsWith("load-" + run.id() + "-");
            }
        }
        assertThat(newOrders).isEqualTo(data.createdOrders()).isPositive();
    }

    @Test
    void aSavedRunsKeptDataIsFoundByItsMarkerAndDeletedLongAfterTheRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        long usersBefore = total(users, "/users");
        long ordersBefore = total(orders, "/orders");
        StringWriter out = new StringWriter();
        var cli = commandLine(out);
        String[] services = {"--users-url", users.baseUri().toString(), "--orders-url", orders.baseUri().toString()};
        assertThat(cli.execute(concat(new String[] {"load"}, services, new String[] {"--mix", MIX, "--rate", "40",
                "--duration", "1s", "--warmup", "0s", "--keep-load-data", "--data-dir", dir.toString()}))).as(out.toString()).isZero();
        var store = new org.opsconsole.console.load.report.RunStore(
                org.opsconsole.console.session.DataFolders.resolve(dir).loadRuns());
        String runId = store.list().getFirst().id();
        LoadData kept = store.load(runId).loadData();
        assertThat(total(users, "/users")).isEqualTo(usersBefore + kept.createdUsers());

        // a new process: only the saved report and the services are left
        int code = OpsConsoleCommand.commandLine().execute(concat(new String[] {"load"}, services,
                new String[] {"delete-data", runId, "--data-dir", dir.toString()}));

        assertThat(code).isZero();
        assertThat(total(users, "/users")).isEqualTo(usersBefore);
        assertThat(total(orders, "/orders")).isEqualTo(ordersBefore);
        LoadData now = store.load(runId).loadData();
        assertThat(now.remaining()).isZero();
        assertThat(now.kept()).isFalse();
        assertThat(now.summary()).contains("deleted them again");
    }

    @Test
    void aRunThatWasNeverSavedHasItsDataFoundByItsMarkerAlone() throws Exception {
        long usersBefore = total(users, "/users");
        long ordersBefore = total(orders, "/orders");
        LoadRun run = LoadEngine.start(scenario(true));
        LoadData kept = run.completion().get(60, TimeUnit.SECONDS).loadData();
        StringWriter out = new StringWriter();
        var cli = commandLine(out);

        int code = cli.execute("load", "--users-url", users.baseUri().toString(), "--orders-url", orders.baseUri().toString(),
                "delete-data", run.id(), "--data-dir", java.nio.file.Files.createTempDirectory("no-runs").toString());

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains(String.format(java.util.Locale.ROOT, "created %,d users", kept.createdUsers()),
                "deleted them again");
        assertThat(total(users, "/users")).isEqualTo(usersBefore);
        assertThat(total(orders, "/orders")).isEqualTo(ordersBefore);
    }

    /** The program's command line, printing into {@code out}. */
    private static picocli.CommandLine commandLine(StringWriter out) {
        var cli = OpsConsoleCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli;
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    private java.util.Set<Long> ids(RunningService service, String path) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        get(service, path + "?limit=1000").path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    private JsonNode get(RunningService service, String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.baseUri().resolve(pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private LoadScenario scenario(boolean keep) {
        return new ScenarioBuilder().services(users.baseUri().toString(), orders.baseUri().toString(), MIX)
                .keepData(keep).stages("1s@60").warmup(Duration.ZERO).build();
    }

    private long total(RunningService service, String path) {
        return get(service, path + "?limit=1").path("total").asLong();
    }
}
