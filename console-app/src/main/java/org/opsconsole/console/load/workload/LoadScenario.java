package org.opsconsole.console.load.workload;

import org.opsconsole.console.load.report.LoadData;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs to know, immutable: what to call ({@link Target}), how hard
 * ({@link Model}), with how many connections, and when to give up ({@link Threshold}s).
 *
 * @param connections   the most requests in flight at once, and the size of the connection pool
 * @param timeout       a request that takes longer fails as "timeout"
 * @param lateAfter     a send that leaves this much later than its planned time counts as late
 * @param warmup        sent before the measured run and left out of every figure (as wrk2's calibration):
 *                      the open model warms up at its first stage's starting rate (its end rate when that
 *                      is 0), the closed model with its users
 * @param client        the HTTP client (see {@link HttpClientChoice})
 */
public record LoadScenario(Target target, Model model, int connections, Duration timeout, Duration lateAfter,
                           List<Threshold> thresholds, Duration warmup, HttpClientChoice client) {

    /**
     * Which HTTP client sends. AUTO: the engine's own plain-HTTP transport for http (non-blocking
     * sockets: the open model drives all its connections from one thread), OkHttp for https. OKHTTP:
     * OkHttp for http too (a thread per connection), to compare with what a usual client sees.
     */
    public enum HttpClientChoice { AUTO, OKHTTP }


    public static final int DEFAULT_CONNECTIONS = 64;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Timer and scheduler jitter on a busy machine stays below this; beyond it the engine is behind. */
    public static final Duration DEFAULT_LATE_AFTER = Duration.ofMillis(2);

    public LoadScenario {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(model, "model");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        lateAfter = lateAfter == null ? DEFAULT_LATE_AFTER : lateAfter;
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        warmup = warmup == null ? Duration.ZERO : warmup;
        client = client == null ? HttpClientChoice.AUTO : client;
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up can't be negative");
        }
        if (model instanceof Closed closed && closed.vus() > connections) {
            connections = closed.vus();
        }
    }

    public static LoadScenario of(Target target, Model model) {
        return new LoadScenario(target, model, DEFAULT_CONNECTIONS, null, null, List.of(), null, null);
    }

    public LoadScenario withConnections(int n) {
        return new LoadScenario(target, model, n, timeout, lateAfter, thresholds, warmup, client);
    }

    public LoadScenario withThresholds(List<Threshold> list) {
        return new LoadScenario(target, model, connections, timeout, lateAfter, list, warmup, client);
    }

    public LoadScenario withTimeout(Duration d) {
        return new LoadScenario(target, model, connections, d, lateAfter, thresholds, warmup, client);
    }

    public LoadScenario withWarmup(Duration d) {
        return new LoadScenario(target, model, connections, timeout, lateAfter, thresholds, d, client);
    }

    public LoadScenario withClient(HttpClientChoice c) {
        return new LoadScenario(target, model, connections, timeout, lateAfter, thresholds, warmup, c);
    }

    public LoadScenario withLateAfter(Duration d) {
        return new LoadScenario(target, model, connections, timeout, d, thresholds, warmup, client);
    }

    /** How much load. */
    public sealed interface Model permits Open, Closed {
        Duration duration();
    }

    /** Open model: requests arrive on a schedule, whatever the server's pace. */
    public record Open(RatePlan plan) implements Model {
        public Open {
            Objects.requireNonNull(plan, "plan");
        }

        @Override
        public Duration duration() {
            return plan.duration();
        }
    }

    /** Closed model: {@code vus} virtual users, each sending, waiting for the answer, then thinking. */
    public record Closed(int vus, Duration think, Duration duration) implements Model {
        public Closed {
            if (vus < 1) {
                throw new IllegalArgumentException("--vus must be at least 1");
            }
            think = think == null ? Duration.ZERO : think;
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** What to call. */
    public sealed interface Target permits Services, Url {
        String describe();

        /** True when every server the run loads runs on this machine, sharing its cores with the load. */
        boolean onThisMachine();
    }

    /**
     * The bundled users and orders services, with a mix of their operations.
     *
     * @param apiToken the bearer token every request carries; null for none
     * @param keepData leave the users and orders the run creates (its {@link LoadData}) in the services;
     *                 otherwise they are deleted when the run ends
     */
    public record Services(String usersUrl, String ordersUrl, OperationMix mix, String apiToken, boolean keepData)
            implements Target {
        public static final String DEFAULT_USERS_URL = "http://127.0.0.1:8081";
        public static final String DEFAULT_ORDERS_URL = "http://127.0.0.1:8082";

        public Services(String usersUrl, String ordersUrl, OperationMix mix) {
            this(usersUrl, ordersUrl, mix, null, false);
        }

        public Services(String usersUrl, String ordersUrl, OperationMix mix, String apiToken) {
            this(usersUrl, ordersUrl, mix, apiToken, false);
        }

        @Override
        public String describe() {
            return "services users=" + usersUrl + " orders=" + ordersUrl + " mix " + mix;
        }

        @Override
        public boolean onThisMachine() {
            return ThisMachine.serves(usersUrl) && ThisMachine.serves(ordersUrl);
        }

        /** What the run will write, said before it starts. */
        public String writes() {
            List<String> parts = new java.util.ArrayList<>();
            if (mix.names().contains("create-user")) {
                parts.add("creates users (named load-<run>-<n>@example.test)");
            }
            if (mix.names().contains("create-order") || mix.names().contains("change-status")) {
                parts.add("creates orders");
            }
            if (mix.names().contains("change-status")) {
                parts.add("moves the status of the orders it created");
            }
            String fate = keepData ? "it is kept when the run ends" : "it is deleted when the run ends, unless kept";
            if (parts.isEmpty()) {
                return "Writes: nothing but a few users (load-<run>-<n>@example.test) when the users service has fewer "
                        + "than 10 to read; " + fate + ".";
            }
            return "Writes load data: " + String.join(", ", parts) + "; " + fate + ".";
        }
    }

    /** Any URL, the same request each time. */
    public record Url(String method, String url, String body, Map<String, String> headers) implements Target {
        public Url {
            method = method == null ? "GET" : method;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        @Override
        public String describe() {
            return method + " " + url;
        }

        @Override
        public boolean onThisMachine() {
            return ThisMachine.serves(url);
        }
    }
}
