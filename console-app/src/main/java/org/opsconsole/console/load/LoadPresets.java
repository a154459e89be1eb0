package org.opsconsole.console.load;

import java.time.Duration;
import java.util.List;

/**
 * Ready-made scenarios over the bundled services, for the Load screen's preset list (and as
 * examples of building a {@link LoadScenario}). Each is a starting point the form then edits.
 */
public final class LoadPresets {

    private LoadPresets() {
    }

    /** A named scenario and what it is for. */
    public record Preset(String name, String description, LoadScenario scenario) {
    }

    public static List<Preset> forServices(String usersUrl, String ordersUrl) {
        LoadScenario.Services mixed = new LoadScenario.Services(usersUrl, ordersUrl,
                OperationMix.parse(ServiceOperations.DEFAULT_MIX));
        LoadScenario.Services reads = new LoadScenario.Services(usersUrl, ordersUrl,
                OperationMix.parse("read-user=80,list-users=10,list-orders=10"));
        return List.of(
                new Preset("Smoke", "50 requests/s of the default mix for 10 s: does everything answer?",
                        LoadScenario.of(mixed, open(Stage.constant(Duration.ofSeconds(10), 50)))
                                .withThresholds(List.of(Threshold.parse("errors<1%")))),
                new Preset("Steady 300/s", "The default mix at 300 requests/s for a minute, with p99 and error limits",
                        LoadScenario.of(mixed, open(Stage.constant(Duration.ofMinutes(1), 300)))
                                .withWarmup(Duration.ofSeconds(5))
                                .withThresholds(List.of(Threshold.parse("p99<200ms"), Threshold.parse("errors<1%")))),
                new Preset("Ramp to 2,000/s", "Reads climbing from 0 to 2,000 requests/s over a minute: where does the tail bend?",
                        LoadScenario.of(reads, open(Stage.ramp(Duration.ofMinutes(1), 0, 2000)))),
                new Preset("Steps", "The default mix in four steps, 250 to 1,000 requests/s, 15 s each",
                        LoadScenario.of(mixed, new LoadScenario.Open(new RatePlan(
                                Stage.steps(Duration.ofMinutes(1), 250, 1000, 4))))),
                new Preset("Closed, 20 users", "20 users, each waiting for the answer and thinking 100 ms, for 30 s",
                        LoadScenario.of(mixed, new LoadScenario.Closed(20, Duration.ofMillis(100), Duration.ofSeconds(30)))));
    }

    public static List<Preset> forDefaultServices() {
        return forServices(LoadScenario.Services.DEFAULT_USERS_URL, LoadScenario.Services.DEFAULT_ORDERS_URL);
    }

    private static LoadScenario.Open open(Stage stage) {
        return new LoadScenario.Open(new RatePlan(List.of(stage)));
    }
}
