package org.opsconsole.console.load.workload;

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
        String reads = "read-user=80,list-users=10,list-orders=10";
        return List.of(
                new Preset("Smoke", "50 requests/s of the default mix for 10 s: does everything answer?",
                        services(usersUrl, ordersUrl, null).stages("10s@50").thresholds("errors<1%").build()),
                new Preset("Steady 300/s", "The default mix at 300 requests/s for a minute, with p99 and error limits",
                        services(usersUrl, ordersUrl, null).stages("1m@300").thresholds("p99<200ms, errors<1%").build()),
                new Preset("Ramp to 2,000/s", "Reads climbing from 0 to 2,000 requests/s over a minute: where does the tail bend?",
                        services(usersUrl, ordersUrl, reads).stages("1m@0->2000").build()),
                new Preset("Steps", "The default mix in four steps, 250 to 1,000 requests/s, 15 s each",
                        services(usersUrl, ordersUrl, null).stages("1m@250->1000/4").build()),
                new Preset("Closed, 20 users", "20 users, each waiting for the answer and thinking 100 ms, for 30 s",
                        services(usersUrl, ordersUrl, null).vus(20).think(Duration.ofMillis(100))
                                .duration(Duration.ofSeconds(30)).build()));
    }

    private static ScenarioBuilder services(String usersUrl, String ordersUrl, String mix) {
        return new ScenarioBuilder().services(usersUrl, ordersUrl, mix);
    }

    public static List<Preset> forDefaultServices() {
        return forServices(LoadScenario.Services.DEFAULT_USERS_URL, LoadScenario.Services.DEFAULT_ORDERS_URL);
    }
}
