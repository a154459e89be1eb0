package org.opsconsole.console.cli;

import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.ScenarioBuilder;
import org.opsconsole.console.load.workload.ServiceOperations;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load is sent to and how: the services (or one URL), the connections, timeouts and the
 * HTTP client. Shared by {@code load} and {@code load capacity}, so the same options mean the same.
 */
public final class ScenarioOptions {

    @Option(names = "--users-url", paramLabel = "URL", defaultValue = LoadScenario.Services.DEFAULT_USERS_URL,
            description = "Users service (default: ${DEFAULT-VALUE}).")
    String usersUrl;

    @Option(names = "--orders-url", paramLabel = "URL", defaultValue = LoadScenario.Services.DEFAULT_ORDERS_URL,
            description = "Orders service (default: ${DEFAULT-VALUE}).")
    String ordersUrl;

    @Option(names = "--mix", paramLabel = "NAME=W,...", description = "Operation weights (default: "
            + ServiceOperations.DEFAULT_MIX + ").")
    String mix;

    @Option(names = "--api-token", paramLabel = "TOKEN", defaultValue = "${env:OPSCONSOLE_API_TOKEN}",
            description = "Bearer token sent with every request to the services (default: $OPSCONSOLE_API_TOKEN); "
                    + "with --url, give -H 'Authorization: Bearer TOKEN' instead.")
    String apiToken;

    @Option(names = "--keep-load-data", description = "Leave the users and orders the run creates in the services "
            + "(load data, users named load-<run>-<n>@example.test); by default they are deleted when the run ends.")
    boolean keepLoadData;

    @Option(names = "--url", paramLabel = "URL", description = "Load one URL instead of the services.")
    String url;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET",
            description = "Method for --url (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body for --url (sent as application/json unless a Content-Type header says otherwise).")
    String body;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE", description = "Header for --url (repeatable).")
    List<String> headers = new ArrayList<>();


    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "" + LoadScenario.DEFAULT_CONNECTIONS,
            description = "Most requests in flight at once; each sender keeps one connection per service "
                    + "(default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = LoadCommand.DurationConverter.class, defaultValue = "10s",
            description = "A request slower than this fails as 'timeout' (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--late-after", paramLabel = "DURATION", converter = LoadCommand.DurationConverter.class, defaultValue = "2ms",
            description = "A send leaving more than this after its planned time counts as late (default: ${DEFAULT-VALUE}; "
                    + "timer jitter of a machine with spare CPU stays below it).")
    Duration lateAfter;


    @Option(names = "--client", paramLabel = "KIND", defaultValue = "auto", converter = LoadCommand.ClientConverter.class,
            description = "HTTP client: auto (the engine's own for http: one thread drives every connection, "
                    + "the least CPU per request; OkHttp for https) or okhttp (default: ${DEFAULT-VALUE}).")
    LoadScenario.HttpClientChoice client;

    /** A scenario builder with these options; the command adds how much load. */
    ScenarioBuilder builder() {
        ScenarioBuilder builder = new ScenarioBuilder()
                .services(usersUrl, ordersUrl, mix)
                .apiToken(apiToken)
                .keepData(keepLoadData)
                .url(url)
                .method(method)
                .body(body)
                .connections(connections)
                .timeout(timeout)
                .lateAfter(lateAfter)
                .client(client);
        headers.forEach(builder::header);
        return builder;
    }
}
