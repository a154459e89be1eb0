package org.opsconsole.console.ui.load;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opsconsole.console.load.workload.Durations;
import org.opsconsole.console.load.workload.LoadPresets;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.ScenarioBuilder;
import org.opsconsole.console.load.workload.ServiceOperations;
import org.opsconsole.console.load.workload.Stage;
import org.opsconsole.console.load.workload.Threshold;

import java.util.ArrayList;
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
    private final StringProperty warmup = new SimpleStringProperty(Durations.format(ScenarioBuilder.DEFAULT_WARMUP));
    private final StringProperty timeout = new SimpleStringProperty("10s");
    private final StringProperty thresholds = new SimpleStringProperty("");
    private final BooleanProperty keepData = new SimpleBooleanProperty(false);

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
    /** Leave the users and orders a run over the services creates; they are deleted when it ends otherwise. */
    public BooleanProperty keepDataProperty() { return keepData; }

    /** The fields that change what a run writes, for whoever says it up front. */
    public javafx.beans.Observable[] writesDependOn() {
        return new javafx.beans.Observable[] {target, mix, keepData, method};
    }

    /** What a run of this form will write, in words; empty while the mix can't be read. */
    public String writes() {
        if (URL.equals(target.get())) {
            return "Writes: whatever " + method.get() + " requests to the URL write; nothing is deleted after.";
        }
        try {
            var services = (LoadScenario.Services) new ScenarioBuilder().services(null, null, mix.get())
                    .keepData(keepData.get()).build().target();
            return services.writes();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

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

    /** The bearer token for the services the form aims at: null for none. */
    public String servicesToken() {
        return tokenFor(usersUrl.get(), ordersUrl.get());
    }

    private String tokenFor(String... urls) {
        return java.util.Arrays.stream(urls).map(tokenFor).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    /**
     * The scenario the form describes, made as {@code ./opsconsole load} makes it from the same
     * options; an {@link IllegalArgumentException} says which field is wrong and why.
     */
    public LoadScenario toScenario() {
        ScenarioBuilder builder = new ScenarioBuilder();
        if (URL.equals(target.get())) {
            String address = text(url, "URL");
            builder.url(address).method(text(method, "method")).body(body.get());
            bearer(tokenFor(address)).forEach(builder::header);
        } else {
            field("mix", () -> builder.services(text(usersUrl, "users URL"), text(ordersUrl, "orders URL"), text(mix, "mix")))
                    .apiToken(tokenFor(usersUrl.get(), ordersUrl.get()))
                    .keepData(keepData.get());
        }
        if (CLOSED.equals(model.get())) {
            builder.vus(positive(vus, "virtual users"))
                    .think(field("think time", () -> Durations.parse(text(think, "think time"))))
                    .duration(field("duration", () -> Durations.parse(text(duration, "duration"))));
        } else {
            field("stages", () -> builder.stages(text(stages, "stages")));
        }
        builder.connections(positive(connections, "connections"))
                .warmup(field("warm-up", () -> Durations.parse(text(warmup, "warm-up"))))
                .timeout(field("timeout", () -> Durations.parse(text(timeout, "timeout"))));
        field("threshold", () -> builder.thresholds(thresholds.get() == null ? "" : thresholds.get()));
        return builder.build();
    }

    /**
     * The options of {@code ./opsconsole load} that make the run this form describes, its fields as
     * typed; checked first as {@link #toScenario()} checks them, with the same words. No bearer token:
     * the command reads the services' from {@code $OPSCONSOLE_API_TOKEN}.
     */
    public List<String> commandOptions() {
        toScenario();
        List<String> options = new ArrayList<>();
        if (URL.equals(target.get())) {
            options.addAll(List.of("--url", text(url, "URL"), "--method", text(method, "method")));
            if (body.get() != null && !body.get().isBlank()) {
                options.addAll(List.of("--body", body.get()));
            }
        } else {
            options.addAll(List.of("--users-url", text(usersUrl, "users URL"), "--orders-url", text(ordersUrl, "orders URL"),
                    "--mix", text(mix, "mix")));
            if (keepData.get()) {
                options.add("--keep-load-data");
            }
        }
        if (CLOSED.equals(model.get())) {
            options.addAll(List.of("--vus", text(vus, "virtual users"), "--think", text(think, "think time"),
                    "--duration", text(duration, "duration")));
        } else {
            each(stages, "--stage", options);
        }
        options.addAll(List.of("--connections", text(connections, "connections"), "--warmup", text(warmup, "warm-up"),
                "--timeout", text(timeout, "timeout")));
        each(thresholds, "--threshold", options);
        return options;
    }

    /** What to add to {@link #commandOptions()} for the bearer token a run of this form sends; empty when it sends none. */
    public String tokenLeftOut() {
        if (URL.equals(target.get())) {
            return tokenFor(url.get()) == null ? "" : "The bearer token is left out: add -H 'Authorization: Bearer TOKEN'.";
        }
        return servicesToken() == null ? "" : "The bearer token is left out: the command reads it from $OPSCONSOLE_API_TOKEN.";
    }

    // a comma separated field as one option per item
    private static void each(StringProperty field, String option, List<String> options) {
        for (String item : (field.get() == null ? "" : field.get()).split("[,;]")) {
            if (!item.isBlank()) {
                options.addAll(List.of(option, item.trim()));
            }
        }
    }

    private static String text(StringProperty p, String name) {
        String value = p.get() == null ? "" : p.get().trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The " + name + " is empty.");
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
