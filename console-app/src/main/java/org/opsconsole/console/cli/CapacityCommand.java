package org.opsconsole.console.cli;

import org.opsconsole.console.load.capacity.CapacityReports;
import org.opsconsole.console.load.capacity.CapacityResult;
import org.opsconsole.console.load.capacity.CapacitySearch;
import org.opsconsole.console.load.capacity.EngineSteps;
import org.opsconsole.console.load.workload.Durations;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.Threshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code opsconsole load capacity}: finds the highest rate at which the thresholds hold, and explains it. */
@Command(name = "capacity", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {CapacityRunsCommand.List.class, CapacityRunsCommand.Compare.class},
        description = {
                "Finds the service's capacity: steps the offered rate up (doubling from --start-rate) until a step breaks "
                        + "the thresholds, then bisects between the last step that held and the first that broke until they "
                        + "are within --precision. Each step holds its rate for --step after a warm-up of --step-warmup.",
                "",
                "Reports the highest rate that held and the step that proved it; throughput and p50/p99 against offered "
                        + "load; the Universal Scalability Law fitted to the steps (contention sigma, coherency kappa, with 95%% "
                        + "intervals; its predicted peak, marked when it lies beyond what was measured); and a Little's law "
                        + "check of each step.",
                "",
                "The search stops, and says so, when the load engine itself falls behind (its own late sends over "
                        + "--max-engine-late): a limit beyond that would be the load tool's, not the service's.",
                ""},
        footer = {"", "Kept results: 'load capacity list', 'load capacity compare A B'.", "", "Exit codes: 0 capacity found, 1 none found (see why), 2 bad arguments, 3 the search could not run."})
public final class CapacityCommand implements Callable<Integer> {

    static final int NOT_FOUND = 1;
    /** How long Ctrl+C waits for the step in flight to stop and the result to be written. */
    private static final Duration CTRL_C_WAIT = Duration.ofSeconds(45);

    @Spec
    CommandSpec spec;

    @ParentCommand
    LoadCommand parent;

    @Mixin
    ScenarioOptions target;

    @Option(names = "--threshold", paramLabel = "RULES", converter = LoadCommand.ThresholdConverter.class, split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "What a step must hold, several separated by commas or repeated (default: '"
                    + CapacitySearch.Settings.DEFAULT_THRESHOLDS_IN_HELP + "').")
    List<Threshold> thresholds = new ArrayList<>();

    @Option(names = "--start-rate", paramLabel = "N", defaultValue = "50", description = "The first step's rate, requests/s (default: ${DEFAULT-VALUE}).")
    double startRate;

    @Option(names = "--max-rate", paramLabel = "N", defaultValue = "200000", description = "No step above this rate (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Option(names = "--step", paramLabel = "DURATION", converter = LoadCommand.DurationConverter.class, defaultValue = "10s",
            description = "How long each step holds its rate, measured (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--step-warmup", paramLabel = "DURATION", converter = LoadCommand.DurationConverter.class, defaultValue = "2s",
            description = "Sent before each step at its rate and left out of its figures, so a step measures a steady state (default: ${DEFAULT-VALUE}).")
    Duration stepWarmup;

    @Option(names = "--precision", paramLabel = "PERCENT", defaultValue = "5",
            description = "Bisection ends when the rate that broke is within this share above the one that held (default: ${DEFAULT-VALUE}%%).")
    double precisionPercent;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "20", description = "The most steps in all (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--max-engine-late", paramLabel = "PERCENT", defaultValue = "2",
            description = "Sends late for the engine's own reasons (not waiting for a connection the server kept busy) beyond "
                    + "this share of a step's stop the search (default: ${DEFAULT-VALUE}%%).")
    double maxEngineLatePercent;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML page with the curves and the model.")
    Path html;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder; results are saved in its load-runs/capacity/ (default: the per-user application data folder).")
    Path dataDir;

    @Option(names = "--no-save", description = "Don't keep this result.")
    boolean noSave;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CapacitySearch.Settings settings;
        LoadScenario scenario;
        try {
            List<Threshold> rules = thresholds.isEmpty() ? defaultThresholds() : thresholds;
            settings = new CapacitySearch.Settings(startRate, maxRate, precisionPercent / 100, maxSteps, maxEngineLatePercent, rules);
            scenario = target.builder().rate(startRate).duration(step).warmup(stepWarmup).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        out.println("Capacity search: " + scenario.target().describe());
        if (scenario.target() instanceof LoadScenario.Services services) {
            out.println(services.writes().replace("unless kept", "unless --keep-load-data") + " (in every step)");
        }
        out.println("Thresholds " + String.join(", ", settings.thresholds().stream().map(Threshold::expression).toList())
                + "; steps of " + Durations.format(step) + " after " + Durations.format(stepWarmup) + " of warm-up, from "
                + (long) startRate + "/s doubling, then bisection to " + (precisionPercent % 1 == 0 ? (long) precisionPercent : precisionPercent) + "%.");
        out.flush();

        CapacitySearch search = new CapacitySearch(settings, Clock.systemUTC());
        try (CtrlC ignored = CtrlC.stops("capacity-ctrl-c", search::stop, CTRL_C_WAIT, () -> { })) {
            CapacityResult result;
            try {
                result = search.run(new EngineSteps(scenario, step, stepWarmup), s -> {
                    out.println(CapacityReports.stepLine(s));
                    out.flush();
                }).withTarget(scenario.target().describe());
            } catch (EngineSteps.StepFailed e) {
                err.println("The capacity search could not run a step: " + e.getMessage());
                return LoadCommand.COULD_NOT_RUN;
            }
            out.println();
            out.print(CapacityReports.text(result));
            write(result, out, err);
            out.flush();
            return result.outcome() == CapacityResult.Outcome.FOUND ? 0 : NOT_FOUND;
        }
    }

    static List<Threshold> defaultThresholds() {
        return java.util.Arrays.stream(CapacitySearch.Settings.DEFAULT_THRESHOLDS.split("\\s*,\\s*")).map(Threshold::parse).toList();
    }

    private void write(CapacityResult result, PrintWriter out, PrintWriter err) {
        try {
            if (json != null) {
                CapacityReports.writeJson(result, json);
                out.println("JSON: " + json);
            }
            if (html != null) {
                CapacityReports.writeHtml(result, html);
                out.println("HTML: " + html);
            }
            if (!noSave) {
                Path folder = LoadCommand.store(dataDir != null ? dataDir : parent.dataDir).folder();
                out.println("Saved as " + result.id() + " in " + CapacityReports.save(result, folder).getParent());
            }
        } catch (IOException e) {
            err.println("Could not write the result: " + e.getMessage());
        }
    }
}
