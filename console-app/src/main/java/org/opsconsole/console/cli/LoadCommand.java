package org.opsconsole.console.cli;

import org.opsconsole.console.load.engine.LiveJsonFeed;
import org.opsconsole.console.load.engine.LoadEngine;
import org.opsconsole.console.load.engine.LoadRun;
import org.opsconsole.console.load.engine.LoadSnapshot;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.ReportFiles;
import org.opsconsole.console.load.report.ReportText;
import org.opsconsole.console.load.report.RunStore;
import org.opsconsole.console.load.workload.Durations;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.ScenarioBuilder;
import org.opsconsole.console.load.workload.Threshold;
import org.opsconsole.console.session.DataFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** {@code opsconsole load}: a load run from the command line, with a live line and a report. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {LoadRunsCommand.List.class, LoadRunsCommand.Compare.class, LoadRunsCommand.Baseline.class,
                LoadRunsCommand.DeleteData.class, CapacityCommand.class},
        description = {
                "Drives load against the bundled users and orders services (a weighted mix of their operations) "
                        + "or any --url, prints a live line every second and then the report.",
                "",
                "Open model (default): requests are sent on a schedule (--rate, --ramp, --stage) whatever the server's "
                        + "pace, by at most --connections at once. Latency counts from the planned send time "
                        + "(corrected for coordinated omission); sends that leave late are counted and shown loudly.",
                "Closed model: --vus users, each sending, waiting for the answer, then thinking (--think).",
                ""},
        footerHeading = "%nStages (--stage, repeatable; they run one after another):%n",
        footer = {
                "  30s@300          constant 300 requests/s for 30 seconds",
                "  1m@0->1000       ramp linearly from 0/s to 1000/s over one minute",
                "  40s@100->400/4   steps: 100, 200, 300, 400/s, 10 seconds each",
                "  --rate 500 --ramp 10s --duration 30s  is the same as",
                "  --stage 10s@0->500 --stage 30s@500",
                "  A warm-up of 5 s at the first stage's rate comes before them, left out of",
                "  the figures (--warmup 10s for longer, --warmup 0s for none; none by default",
                "  before a ramp from 0).",
                "",
                "Operations (--mix NAME=WEIGHT,...): read-user, list-users, create-user, create-order, list-orders, "
                        + "change-status. Created users get unique emails (load-<run>-<n>@example.test); orders go to "
                        + "users that exist; status changes make only legal moves on orders the run created.",
                "",
                "Thresholds (--threshold, repeatable; corrected latency): p50<20ms p90<50ms p99<200ms p999<1s max<2s "
                        + "errors<1%% errors<10 late<1%% rate>290. A crossed threshold stops the run.",
                "",
                "Runs are saved under <data dir>/load-runs/; see 'load runs', 'load compare', 'load baseline', 'load delete-data'.",
                "",
                "Exit codes: 0 done and thresholds met, 1 a threshold failed, 2 bad arguments, 3 the run could not start "
                        + "or its report could not be written."})
public final class LoadCommand implements java.util.concurrent.Callable<Integer> {

    static final int THRESHOLD_FAILED = 1;
    static final int COULD_NOT_RUN = 3;

    /** How long Ctrl+C waits for a stopped run to delete its load data and write its report. */
    private static final int CTRL_C_WAIT_SECONDS = 15;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions target;

    @Option(names = "--rate", paramLabel = "N", description = "Open model: requests per second (default: 100).")
    Double rate;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to run at --rate, or with --vus (default: 10s).")
    Duration duration;

    @Option(names = "--ramp", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Ramp from 0 to --rate over this time before --duration at --rate.")
    Duration ramp;

    @Option(names = "--stage", paramLabel = "STAGE", description = "A stage of the open model (repeatable): see Stages below.")
    List<String> stages = new ArrayList<>();

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Send for this long first, at the first stage's rate (or with --vus), and leave it out of "
                    + "every figure, as wrk2's calibration does: the first seconds of a JVM are slow (default: 5s; "
                    + "none before a ramp from 0, which warms up by itself; 0s for none).")
    Duration warmup;

    @Option(names = "--vus", paramLabel = "N", description = "Closed model: this many virtual users.")
    Integer vus;

    @Option(names = "--think", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Closed model: pause after each answer (default: 0s).")
    Duration think;

    @Option(names = "--threshold", paramLabel = "RULE", converter = ThresholdConverter.class, split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "Pass/fail rule (repeatable, or several separated by commas), e.g. 'p99<200ms', 'errors<1%%'.")
    List<Threshold> thresholds = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the operations table as CSV, and the per-second timeline beside it (FILE-timeline.csv).")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report with charts.")
    Path html;

    @Option(names = "--live-json", paramLabel = "FILE", description = "Write the live figures as they come (every 100 ms, "
            + "warm-up included), one JSON object a line, for another program to follow.")
    Path liveJson;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder; runs are saved in its load-runs/ (default: the per-user application data folder).")
    Path dataDir;

    @Option(names = "--no-save", description = "Don't keep this run among the saved runs.")
    boolean noSave;

    @Override
    public Integer call() throws Exception {
        LoadScenario scenario = scenario();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Load: " + scenario.target().describe());
        if (scenario.target() instanceof LoadScenario.Services services) {
            out.println(services.writes().replace("unless kept", "unless --keep-load-data"));
        }
        out.println(describe(scenario) + (scenario.warmup().isZero() ? "" : "; first a warm-up of "
                + Durations.format(scenario.warmup()) + ", not measured"));
        out.flush();

        LiveJsonFeed feed;
        try {
            feed = liveJson == null ? null : new LiveJsonFeed(liveJson);
        } catch (java.io.IOException e) {
            err.println("Could not write the live figures to " + liveJson + ": " + why(e));
            return COULD_NOT_RUN;
        }
        LoadRun run = LoadEngine.start(scenario);
        if (feed != null) {
            run.onSnapshot(feed);
        }
        CtrlC ctrlC = CtrlC.stops("load-ctrl-c", run::stop, Duration.ofSeconds(CTRL_C_WAIT_SECONDS), () -> {
            if (run.latest().phase() == LoadSnapshot.Phase.CLEANING_UP) {
                err.println("Stopped while deleting the run's load data. What is left is still marked as run " + run.id()
                        + "'s: 'opsconsole load --users-url URL --orders-url URL delete-data " + run.id() + "' deletes it.");
                err.flush();
            }
        });
        long[] lastPrinted = {-1};
        boolean[] warmedUp = {!scenario.warmup().isZero()};
        boolean[] endSaid = {false};
        run.onSnapshot(s -> {
            long second = (long) Math.floor(s.elapsedSeconds());
            // a second's line once it is whole, as the measured run's: at 0.1 s the first one said 0/s
            if (s.phase() == LoadSnapshot.Phase.WARMING_UP && second > lastPrinted[0] && second >= 1) {
                lastPrinted[0] = second;
                out.println(String.format(java.util.Locale.ROOT, "%6ds  warming up (not measured): %.0f/s, p99 %.1f ms",
                        second, s.achievedRate(), s.windowCorrected().p99()));
                out.flush();
            } else if (s.phase() == LoadSnapshot.Phase.RUNNING && warmedUp[0]) {
                warmedUp[0] = false;
                lastPrinted[0] = 0;
            } else if ((s.phase() == LoadSnapshot.Phase.CLEANING_UP || s.phase() == LoadSnapshot.Phase.DONE) && !endSaid[0]) {
                // the first snapshot after the last request stands at the run's end, a little short of
                // its last whole second (a 5 s run's last answer came at 4.99 s): that second's line,
                // which no running snapshot reached
                endSaid[0] = true;
                if (s.elapsedSeconds() >= lastPrinted[0] + 0.5 && s.elapsedSeconds() >= 1) {
                    out.println(s.liveLine());
                }
                if (s.phase() == LoadSnapshot.Phase.CLEANING_UP) {
                    out.println("Deleting the users and orders this run created (--keep-load-data keeps them)...");
                }
                out.flush();
            } else if (s.phase() == LoadSnapshot.Phase.RUNNING && second > lastPrinted[0] && second >= 1) {
                lastPrinted[0] = second;
                out.println(s.liveLine());
                out.flush();
            }
        });
        try (ctrlC) {
            LoadReport report;
            try {
                report = run.completion().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String why = String.valueOf(cause.getMessage());
                err.println(why.startsWith("Before the run could start") ? why : "The run could not start: " + why);
                closeFeed(feed, out, err);
                return COULD_NOT_RUN;
            }
            boolean fed = closeFeed(feed, out, err);
            out.println();
            out.print(ReportText.table(report));
            if (report.loadData() != null && report.loadData().kept() && report.loadData().remaining() > 0
                    && scenario.target() instanceof LoadScenario.Services services) {
                out.println("To delete it: opsconsole load --users-url " + services.usersUrl() + " --orders-url "
                        + services.ordersUrl() + (dataDir == null ? "" : " --data-dir " + dataDir) + " delete-data " + report.runId());
            }
            boolean written = writeFiles(report, out, err);
            out.flush();
            err.flush();
            if (report.outcome().equals(LoadReport.THRESHOLD_FAILED)) {
                return THRESHOLD_FAILED;
            }
            return written && fed ? 0 : COULD_NOT_RUN;
        }
    }

    /** Ends the live feed, if any; false, saying why, when it could not be written in full. */
    private boolean closeFeed(LiveJsonFeed feed, PrintWriter out, PrintWriter err) {
        return feed == null || write("live figures", liveJson, "Live figures: " + liveJson, feed::close, err, out);
    }

    /** Writes each asked-for report and saves the run; false when any could not be written (each is tried). */
    private boolean writeFiles(LoadReport report, PrintWriter out, PrintWriter err) {
        boolean ok = write("JSON report", json, "JSON report: " + json, () -> ReportFiles.writeJson(report, json), err, out);
        ok &= write("CSV report", csv, "CSV report: " + csv, () -> ReportFiles.writeCsv(report, csv), err, out);
        ok &= write("HTML report", html, "HTML report: " + html, () -> ReportFiles.writeHtml(report, html), err, out);
        if (!noSave) {
            RunStore store = store(dataDir);
            ok &= write("saved run " + report.runId(), store.folder(), "Saved as run " + report.runId() + " in " + store.folder(),
                    () -> store.save(report), err, out);
        }
        return ok;
    }

    private interface FileWrite {
        void write() throws java.io.IOException;
    }

    /** Writes {@code what} to {@code where} (nothing when null), then says {@code done}, or on err why it could not. */
    private static boolean write(String what, Path where, String done, FileWrite write, PrintWriter err, PrintWriter out) {
        if (where == null) {
            return true;
        }
        try {
            write.write();
            out.println(done);
            return true;
        } catch (java.io.IOException e) {
            err.println("Could not write the " + what + " to " + where + ": " + why(e));
            return false;
        }
    }

    private static String why(java.io.IOException e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException denied -> "permission denied";
            case java.nio.file.NoSuchFileException missing -> "no such file or folder";
            case java.nio.file.FileSystemException fs when fs.getReason() != null -> fs.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }

    static RunStore store(Path dataDir) {
        return new RunStore(DataFolders.resolve(dataDir).loadRuns());
    }

    /** Checks the options together and builds what the engine runs (the Load screen builds it the same way). */
    LoadScenario scenario() {
        writable(json, "--json");
        writable(csv, "--csv");
        writable(html, "--html");
        writable(liveJson, "--live-json");
        try {
            ScenarioBuilder builder = target.builder()
                    .rate(rate)
                    .ramp(ramp)
                    .duration(duration)
                    .vus(vus)
                    .think(think)
                    .warmup(warmup);
            stages.forEach(builder::stages);
            thresholds.forEach(builder::threshold);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    // a report file that could not be written after the run would lose it: its folder is checked before
    private void writable(Path file, String option) {
        if (file == null) {
            return;
        }
        Path folder = file.toAbsolutePath().getParent();
        if (java.nio.file.Files.isDirectory(file)) {
            throw usage(option + " " + file + " is a folder: give a file name");
        }
        if (folder == null || !java.nio.file.Files.isDirectory(folder) || !java.nio.file.Files.isWritable(folder)) {
            throw usage(option + " " + file + ": its folder " + folder + " does not exist or can't be written to");
        }
    }

    private static String describe(LoadScenario s) {
        return switch (s.model()) {
            case LoadScenario.Open open -> "Open model: " + open.plan() + " (" + open.plan().totalRequests()
                    + " requests), up to " + s.connections() + " connections; a send more than "
                    + Durations.format(s.lateAfter()) + " behind schedule counts as late";
            case LoadScenario.Closed closed -> "Closed model: " + closed.vus() + " virtual users, think "
                    + Durations.format(closed.think()) + ", for " + Durations.format(closed.duration());
        };
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** {@code 250ms}, {@code 10s}, {@code 2m}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code auto} or {@code okhttp}, in any case. */
    static final class ClientConverter implements ITypeConverter<LoadScenario.HttpClientChoice> {
        @Override
        public LoadScenario.HttpClientChoice convert(String value) {
            try {
                return LoadScenario.HttpClientChoice.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not auto or okhttp");
            }
        }
    }

    /** {@code p99<200ms}, {@code errors<1%}. */
    static final class ThresholdConverter implements ITypeConverter<Threshold> {
        @Override
        public Threshold convert(String value) {
            try {
                return Threshold.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
