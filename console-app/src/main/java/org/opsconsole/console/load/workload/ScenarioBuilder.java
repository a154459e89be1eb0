package org.opsconsole.console.load.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way a run is described: {@code ./opsconsole load} and the Load screen both set the
 * options a user gave (as they were written: stages as "30s@300", the mix as "read-user=80,...")
 * and {@link #build()} checks them together and makes the {@link LoadScenario}, with the same
 * defaults and the same words for what is wrong. The same options give the same run.
 */
public final class ScenarioBuilder {

    /** Sent first and left out of every figure, so a short run doesn't measure a JVM warming up. */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);
    public static final double DEFAULT_RATE = 100;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);

    // the target: the services (with a mix), or one URL
    private String usersUrl = LoadScenario.Services.DEFAULT_USERS_URL;
    private String ordersUrl = LoadScenario.Services.DEFAULT_ORDERS_URL;
    private OperationMix mix;
    private String apiToken;
    private boolean keepData;
    private String url;
    private String method = "GET";
    private String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    // the open model: stages, or a rate for a duration after an optional ramp
    private final List<Stage> stages = new ArrayList<>();
    private Double rate;
    private Duration ramp;
    private Duration duration;
    // the closed model
    private Integer vus;
    private Duration think;
    // both
    private int connections = LoadScenario.DEFAULT_CONNECTIONS;
    private Duration timeout = LoadScenario.DEFAULT_TIMEOUT;
    private Duration lateAfter = LoadScenario.DEFAULT_LATE_AFTER;
    private Duration warmup;
    private final List<Threshold> thresholds = new ArrayList<>();
    private LoadScenario.HttpClientChoice client = LoadScenario.HttpClientChoice.AUTO;

    /**
     * The bundled services at these URLs (null keeps the default), with a mix ("read-user=80,...";
     * null: the default mix). A mix that can't be read or names an unknown operation is refused here.
     */
    public ScenarioBuilder services(String usersUrl, String ordersUrl, String mix) {
        if (usersUrl != null) {
            this.usersUrl = usersUrl.trim();
        }
        if (ordersUrl != null) {
            this.ordersUrl = ordersUrl.trim();
        }
        if (mix != null && !mix.isBlank()) {
            OperationMix parsed = OperationMix.parse(mix.trim());
            ServiceOperations.check(parsed);
            this.mix = parsed;
        }
        return this;
    }

    /** The bearer token the services want (off loopback); null or blank for none. */
    public ScenarioBuilder apiToken(String token) {
        this.apiToken = token == null || token.isBlank() ? null : token.trim();
        return this;
    }

    /** Leave the users and orders the run creates in the services (they are deleted when it ends otherwise). */
    public ScenarioBuilder keepData(boolean keep) {
        this.keepData = keep;
        return this;
    }

    /** One URL instead of the services, the same request each time. */
    public ScenarioBuilder url(String url) {
        this.url = url == null || url.isBlank() ? null : url.trim();
        return this;
    }

    public ScenarioBuilder method(String method) {
        String m = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        if (!m.matches("[A-Z]+")) {
            throw new IllegalArgumentException("'" + method.trim() + "' is not an HTTP method: use GET, POST, PUT, PATCH, DELETE, ...");
        }
        this.method = m;
        return this;
    }

    public ScenarioBuilder body(String body) {
        this.body = body == null || body.isBlank() ? null : body;
        return this;
    }

    /** A header for the URL, "NAME:VALUE" as on the command line. */
    public ScenarioBuilder header(String nameColonValue) {
        int colon = nameColonValue.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("The header '" + nameColonValue + "' is not NAME:VALUE.");
        }
        headers.put(nameColonValue.substring(0, colon).trim(), nameColonValue.substring(colon + 1).trim());
        return this;
    }

    public ScenarioBuilder header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Open-model stages as written, one or several separated by commas: "30s@300",
     * "1m@0->1000, 40s@100->400/4"; one that can't be read is refused here.
     */
    public ScenarioBuilder stages(String text) {
        List<Stage> parsed = new ArrayList<>();
        for (String part : text.split("[,;]")) {
            if (!part.isBlank()) {
                parsed.addAll(Stage.parse(part.trim()));
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("Give at least one stage, e.g. 30s@300.");
        }
        stages.addAll(parsed);
        return this;
    }

    /** Open model: this many requests a second (after {@link #ramp} from 0, for {@link #duration}). */
    public ScenarioBuilder rate(Double rate) {
        this.rate = rate;
        return this;
    }

    public ScenarioBuilder ramp(Duration ramp) {
        this.ramp = ramp;
        return this;
    }

    /** How long at the rate, or how long the virtual users run. */
    public ScenarioBuilder duration(Duration duration) {
        this.duration = duration;
        return this;
    }

    /** Closed model: this many virtual users. */
    public ScenarioBuilder vus(Integer vus) {
        this.vus = vus;
        return this;
    }

    public ScenarioBuilder think(Duration think) {
        this.think = think;
        return this;
    }

    public ScenarioBuilder connections(int connections) {
        this.connections = connections;
        return this;
    }

    public ScenarioBuilder timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    public ScenarioBuilder lateAfter(Duration lateAfter) {
        this.lateAfter = lateAfter;
        return this;
    }

    /** null: the default ({@link #defaultWarmup}). */
    public ScenarioBuilder warmup(Duration warmup) {
        this.warmup = warmup;
        return this;
    }

    public ScenarioBuilder threshold(Threshold threshold) {
        thresholds.add(threshold);
        return this;
    }

    /** Rules as written, separated by commas: "p99<200ms, errors<1%". */
    public ScenarioBuilder thresholds(String text) {
        for (String rule : text.split("[,;]")) {
            if (!rule.isBlank()) {
                thresholds.add(Threshold.parse(rule.trim()));
            }
        }
        return this;
    }

    public ScenarioBuilder client(LoadScenario.HttpClientChoice client) {
        this.client = client == null ? LoadScenario.HttpClientChoice.AUTO : client;
        return this;
    }

    /**
     * The warm-up a run gets when none is asked for: {@link #DEFAULT_WARMUP}, except for an open
     * plan that starts from nothing (a ramp from 0 warms up by itself).
     */
    public static Duration defaultWarmup(LoadScenario.Model model) {
        if (model instanceof LoadScenario.Open open && open.plan().stages().getFirst().fromRate() == 0) {
            return Duration.ZERO;
        }
        return DEFAULT_WARMUP;
    }

    /** The run these options describe; an {@link IllegalArgumentException} says in words what is wrong. */
    public LoadScenario build() {
        LoadScenario.Model model = model();
        if (connections < 1) {
            throw new IllegalArgumentException("The number of connections must be at least 1.");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must be more than zero.");
        }
        if (warmup != null && warmup.isNegative()) {
            throw new IllegalArgumentException("The warm-up can't be negative.");
        }
        return new LoadScenario(target(), model, connections, timeout, lateAfter, thresholds,
                warmup == null ? defaultWarmup(model) : warmup, client);
    }

    private LoadScenario.Target target() {
        if (url != null) {
            if (mix != null) {
                throw new IllegalArgumentException("A mix is for the services; with one URL every request is the same.");
            }
            httpUrl(url, "URL");
            new UrlOperation(method, url, body, headers);
            return new LoadScenario.Url(method, url, body, headers);
        }
        if (body != null || !headers.isEmpty() || !method.equals("GET")) {
            throw new IllegalArgumentException("A method, a body and headers go with one URL, not with the services "
                    + "(their mix says what each request is).");
        }
        httpUrl(usersUrl, "users URL");
        httpUrl(ordersUrl, "orders URL");
        return new LoadScenario.Services(usersUrl, ordersUrl,
                mix == null ? OperationMix.parse(ServiceOperations.DEFAULT_MIX) : mix, apiToken, keepData);
    }

    private LoadScenario.Model model() {
        if (vus != null) {
            if (rate != null || ramp != null || !stages.isEmpty()) {
                throw new IllegalArgumentException(
                        "Virtual users (the closed model) can't be combined with a rate, a ramp or stages (the open model).");
            }
            if (vus < 1) {
                throw new IllegalArgumentException("The number of virtual users must be at least 1.");
            }
            Duration d = duration == null ? DEFAULT_DURATION : duration;
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("The duration must be more than zero.");
            }
            return new LoadScenario.Closed(vus, think, d);
        }
        if (think != null && !think.isZero()) {
            throw new IllegalArgumentException("A think time goes with virtual users (the closed model).");
        }
        return new LoadScenario.Open(new RatePlan(stagesOfPlan()));
    }

    private List<Stage> stagesOfPlan() {
        List<Stage> plan = new ArrayList<>();
        if (!stages.isEmpty()) {
            if (rate != null || ramp != null || duration != null) {
                throw new IllegalArgumentException("Stages describe the whole run: leave out the rate, the ramp and the duration.");
            }
            return List.copyOf(stages);
        }
        double r = rate == null ? DEFAULT_RATE : rate;
        if (!(r > 0) || Double.isInfinite(r)) {
            throw new IllegalArgumentException("The rate must be above 0 requests a second.");
        }
        if (ramp != null && !ramp.isZero()) {
            plan.add(Stage.ramp(ramp, 0, r));
        }
        Duration d = duration == null ? DEFAULT_DURATION : duration;
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("The duration must be more than zero.");
        }
        plan.add(Stage.constant(d, r));
        return plan;
    }

    private static void httpUrl(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + name + " is empty.");
        }
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException("The " + name + " must start with http:// or https:// ('" + value + "').");
        }
    }
}
