package org.opsconsole.console.load.engine;

import org.opsconsole.console.load.transport.LoadHttpClient;
import org.opsconsole.console.load.workload.LoadScenario;

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
    static LoadRun start(LoadScenario scenario, LoadClock clock, java.util.function.Supplier<LoadHttpClient> transport) {
        return start(new LoadRun(scenario, null, clock, transport));
    }

    private static LoadRun start(LoadRun run) {
        Thread.ofPlatform().name("load-run-" + run.id()).daemon(true).start(run::run);
        return run;
    }
}
