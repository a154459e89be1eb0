package org.opsconsole.console.load.engine;

import org.opsconsole.console.load.report.LoadData;
import org.opsconsole.console.load.transport.LoadHttpClient;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.ServiceOperations;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Starts load runs. Each run gets its own threads and HTTP client, so a screen and the command line
 * can use the same engine; nothing here is shared between runs.
 */
public final class LoadEngine {

    private LoadEngine() {
    }

    /** Starts {@code scenario} in the background and returns at once; the run's id is made from the clock. */
    public static LoadRun start(LoadScenario scenario) {
        return start(scenario, null);
    }

    /** As {@link #start(LoadScenario)}, with a chosen run id (it names saved files and created emails). */
    public static LoadRun start(LoadScenario scenario, String runId) {
        return start(new LoadRun(scenario, runId, LoadClock.SYSTEM, null));
    }

    /** A run on a chosen clock and HTTP client: how the engine's tests check its schedule to the nanosecond. */
    static LoadRun start(LoadScenario scenario, LoadClock clock, Supplier<LoadHttpClient> transport) {
        return start(new LoadRun(scenario, null, clock, transport));
    }

    /**
     * Deletes the load data a run kept, found in the services by its marker (its users' emails and
     * their orders): for a saved run, after the run that made it is gone. Answers the run's load data
     * as it is now: what the marker no longer finds counts as deleted.
     *
     * @param recorded what the run's report says it created; null when there is no report (then what was found counts)
     * @throws IOException in an operator's words, when a service can't be asked
     */
    public static LoadData deleteKeptLoadData(String runId, String usersUrl, String ordersUrl, String apiToken,
                                              LoadData recorded) throws IOException, InterruptedException {
        boolean https = usersUrl.startsWith("https:") || ordersUrl.startsWith("https:");
        try (LoadHttpClient http = LoadRun.clientFor(LoadScenario.HttpClientChoice.AUTO, https, LoadRun.DELETERS,
                LoadScenario.DEFAULT_TIMEOUT)) {
            ServiceOperations ops = new ServiceOperations(usersUrl, ordersUrl, runId, apiToken);
            LoadData found = ops.deleteHeardAndFound(http, LoadRun.DELETERS);
            if (found.searchProblem() != null) {
                throw new IOException(found.searchProblem());
            }
            if (recorded == null) {
                return found;
            }
            long usersLeft = found.createdUsers() - found.deletedUsers();
            long ordersLeft = found.createdOrders() - found.deletedOrders();
            return new LoadData(recorded.createdUsers(), recorded.createdOrders(),
                    Math.max(0, recorded.createdUsers() - usersLeft), Math.max(0, recorded.createdOrders() - ordersLeft), false);
        }
    }

    private static LoadRun start(LoadRun run) {
        Thread.ofPlatform().name("load-run-" + run.id()).daemon(true).start(run::run);
        return run;
    }
}
