package org.opsconsole.console.ui.load;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opsconsole.console.load.Durations;
import org.opsconsole.console.load.LoadPresets;
import org.opsconsole.console.load.LoadScenario;
import org.opsconsole.console.load.OperationMix;
import org.opsconsole.console.load.RatePlan;
import org.opsconsole.console.load.ServiceOperations;
import org.opsconsole.console.load.Stage;
import org.opsconsole.console.load.Threshold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The load form's fields as text, the same options as {@code ./opsconsole load}, and the scenario
 * they make. Text rather than typed fields so the operator can write "30s@300, 1m@300->600" as on
 * the command line and be told exactly what is wrong.
 */
public final class LoadForm {

    public static final String SERVICES = "Bundled services";
    public static final String URL = "One URL";
    public static final String OPEN = "Open (rate)";
    public static final String CLOSED = "Closed (users)";

    private java.util.function.UnaryOperator<String> tokenFor = url -> null;
    private final StringProperty target = new SimpleStringProperty(SERVICES);
    private final StringProperty usersUrl = new SimpleStringProperty(LoadScenario.Services.DEFAULT_USERS_URL);
    private final StringProperty ordersUrl = new SimpleStringProperty(LoadScenario.Services.DEFAULT_ORDERS_URL);
    private final StringProperty mix = new SimpleStringProperty(ServiceOperations.DEFAULT_MIX);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty method = new SimpleStringProperty("GET");
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty(OPEN);
    private final StringProperty stages = new SimpleStringProperty("30s@300");
    private final StringProperty vus = new SimpleStringProperty("20");
    private final StringProperty think = new SimpleStringProperty("100ms");
    private final StringProperty duration = new SimpleStringProperty("30s");
    private final StringProperty connections = new SimpleStringProperty("" + LoadScenario.DEFAULT_CONNECTIONS);
    private final StringProperty warmup = new SimpleStringProperty("0s");
    private final StringProperty timeout = new SimpleStringProperty("10s");
    private final StringProperty thresholds = new SimpleStringProperty("");

    // Properties //

    public StringProperty targetProperty() { return target; }
    public StringProperty usersUrlProperty() { return usersUrl; }
    public StringProperty ordersUrlProperty() { return ordersUrl; }
    public StringProperty mixProperty() { return mix; }
    public StringProperty urlProperty() { return url; }
    public StringProperty methodProperty() { return method; }
    public StringProperty bodyProperty() { return body; }
    public StringProperty modelProperty() { return model; }
    /** Open model stages, comma separated: "30s@300", "1m@0->1000", "40s@100->400/4". */
    public StringProperty stagesProperty() { return stages; }
    public StringProperty vusProperty() { return vus; }
    public StringProperty thinkProperty() { return think; }
    /** Closed model only; the open model's length is the sum of its stages. */
    public StringProperty durationProperty() { return duration; }
    public StringProperty connectionsProperty() { return connections; }
    public StringProperty warmupProperty() { return warmup; }
    public StringProperty timeoutProperty() { return timeout; }
    /** Comma separated: "p99<200ms, errors<1%". */
    public StringProperty thresholdsProperty() { return thresholds; }

    // Commands //

    /** Fills the form from a preset; the service URLs stay what they are (presets are built with them). */
    public void apply(LoadPresets.Preset preset) {
        LoadScenario s = preset.scenario();
        switch (s.target()) {
            case LoadScenario.Services services -> {
                target.set(SERVICES);
                mix.set(services.mix().toString());
            }
            case LoadScenario.Url u -> {
                target.set(URL);
                url.set(u.url());
                method.set(u.method());
                body.set(u.body() == null ? "" : u.body());
            }
        }
        switch (s.model()) {
            case LoadScenario.Open open -> {
                model.set(OPEN);
                stages.set(open.plan().stages().stream().map(Stage::toString).collect(Collectors.joining(", ")));
            }
            case LoadScenario.Closed closed -> {
                model.set(CLOSED);
                vus.set("" + closed.vus());
                think.set(Durations.format(closed.think()));
                duration.set(Durations.format(closed.duration()));
            }
        }
        connections.set("" + s.connections());
        warmup.set(Durations.format(s.warmup()));
        timeout.set(Durations.format(s.timeout()));
        thresholds.set(s.thresholds().stream().map(Threshold::expression).collect(Collectors.joining(", ")));
    }

    /** Where a run finds the bearer token for a URL (the console's, for the services it watches): null for none. */
    public void setTokens(java.util.function.UnaryOperator<String> tokenForUrl) {
        this.tokenFor = tokenForUrl;
    }

    private String tokenFor(String... urls) {
        return java.util.Arrays.stream(urls).map(tokenFor).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    /** The scenario the form describes; an {@link IllegalArgumentException} says which field is wrong and why. */
    public LoadScenario toScenario() {
        LoadScenario.Target t = URL.equals(target.get())
                ? new LoadScenario.Url(text(method, "method").toUpperCase(java.util.Locale.ROOT), httpUrl(url, "URL"),
                        body.get() == null || body.get().isBlank() ? null : body.get(), bearer(tokenFor(url.get())))
                : new LoadScenario.Services(httpUrl(usersUrl, "users URL"), httpUrl(ordersUrl, "orders URL"),
                        field("mix", () -> OperationMix.parse(text(mix, "mix"))), tokenFor(usersUrl.get(), ordersUrl.get()));
        LoadScenario.Model m = CLOSED.equals(model.get())
                ? field("closed model", () -> new LoadScenario.Closed(positive(vus, "virtual users"),
                        Durations.parse(text(think, "think time")), Durations.parse(text(duration, "duration"))))
                : field("stages", () -> new LoadScenario.Open(new RatePlan(parseStages(text(stages, "stages")))));
        List<Threshold> rules = new ArrayList<>();
        for (String rule : split(thresholds.get())) {
            rules.add(field("threshold", () -> Threshold.parse(rule)));
        }
        return LoadScenario.of(t, m)
                .withConnections(positive(connections, "connections"))
                .withWarmup(field("warm-up", () -> Durations.parse(text(warmup, "warm-up"))))
                .withTimeout(field("timeout", () -> nonZero(Durations.parse(text(timeout, "timeout")))))
                .withThresholds(rules);
    }

    static List<Stage> parseStages(String text) {
        List<Stage> plan = new ArrayList<>();
        for (String part : split(text)) {
            plan.addAll(Stage.parse(part));
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("give at least one stage, e.g. 30s@300");
        }
        return plan;
    }

    private static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Duration nonZero(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be more than zero");
        }
        return d;
    }

    private static String text(StringProperty p, String name) {
        String value = p.get() == null ? "" : p.get().trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The " + name + " is empty.");
        }
        return value;
    }

    private static String httpUrl(StringProperty p, String name) {
        String value = text(p, name);
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new IllegalArgumentException("The " + name + " must start with http:// or https:// ('" + value + "').");
        }
        return value;
    }

    private static int positive(StringProperty p, String name) {
        String value = text(p, name);
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("The number of " + name + " must be a whole number above zero ('" + value + "').");
    }

    private static <T> T field(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() == null ? "not understood" : e.getMessage();
            throw new IllegalArgumentException(why.startsWith("The ") ? why : "The " + name + ": " + why, e);
        }
    }
}
