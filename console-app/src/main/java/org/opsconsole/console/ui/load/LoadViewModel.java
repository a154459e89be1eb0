package org.opsconsole.console.ui.load;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opsconsole.console.load.engine.LateSendAdvice;
import org.opsconsole.console.load.engine.LoadEngine;
import org.opsconsole.console.load.engine.LoadRun;
import org.opsconsole.console.load.engine.LoadSnapshot;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.ReportFiles;
import org.opsconsole.console.load.report.RunComparison;
import org.opsconsole.console.load.report.RunStore;
import org.opsconsole.console.load.workload.LoadPresets;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.metrics.MetricsScraper;
import org.opsconsole.console.metrics.MetricsTick;
import org.opsconsole.console.supervisor.ServiceStatus;
import org.opsconsole.console.supervisor.WatchedService;
import org.opsconsole.console.ui.data.Calls;
import org.opsconsole.console.ui.fx.FxThread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The Load screen's state and commands: the form, the run in progress (progress, live figures,
 * charts), the last report, and the saved runs (baseline, comparison, export). The engine's
 * snapshots arrive ten times a second on its thread and reach the FX thread coalesced; the charts
 * get one point a second. Saving, listing and exporting run on the I/O executor through {@link Calls}.
 */
public final class LoadViewModel {

    /** What a report can be exported as. */
    public enum Format { HTML, CSV, JSON }

    private final RunStore store;
    private final MetricsScraper scraper;
    private final LoadForm form = new LoadForm();
    private final List<String> services;
    private final Clock clock;
    private volatile LoadChartFeed charts = LoadChartFeed.NONE;
    private final Calls calls;
    private final Consumer<MetricsTick> metricsListener;
    private final AtomicReference<LoadSnapshot> pending = new AtomicReference<>();
    private final List<Runnable> followed = new java.util.ArrayList<>();
    private LoadRun run;
    private boolean disposed;
    private boolean oneJvm;
    /** Completes when the last run has ended and its report is saved. */
    private CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);
    private Runnable unsubscribe = () -> { };
    private volatile int lastChartSecond = -1;
    // the run's warm-up in whole seconds: its seconds come first on the charts' timeline
    private volatile int warmupSeconds;
    private String usersDefault = LoadScenario.Services.DEFAULT_USERS_URL;
    private String ordersDefault = LoadScenario.Services.DEFAULT_ORDERS_URL;

    // Properties //

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No run yet: choose a preset or fill the form, then Start.");
    private final ReadOnlyStringWrapper behind = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LoadSnapshot> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LoadReport> report = new ReadOnlyObjectWrapper<>();
    // the shown report is this session's last run, which kept load data still in the services
    private final ReadOnlyBooleanWrapper canDeleteLoadData = new ReadOnlyBooleanWrapper();
    private final ObservableList<RunStore.RunSummary> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final CapacityViewModel capacity;

    public LoadViewModel(RunStore store, MetricsScraper scraper, List<String> services, Executor io, Clock clock) {
        this.store = store;
        this.scraper = scraper;
        this.calls = new Calls(io);
        this.services = List.copyOf(services);
        this.clock = clock;
        this.capacity = new CapacityViewModel(store.folder(), clock);
        this.metricsListener = tick -> charts.servicesSecond(tick);
        scraper.addListener(metricsListener);
        report.addListener((obs, was, now) -> updateCanDeleteLoadData());
        running.addListener((obs, was, now) -> updateCanDeleteLoadData());
        refreshRuns();
    }

    public LoadForm form() {
        return form;
    }

    /** From now on, runs and the services' seconds go to {@code feed} (the charts the screen built). */
    void feedCharts(LoadChartFeed feed) {
        this.charts = feed;
    }

    /** The services whose own figures the charts show beside the run's. */
    List<String> services() {
        return services;
    }

    /** True while every service runs in this window's process: their heap is one JVM's. */
    boolean servicesShareOneJvm() {
        return oneJvm;
    }

    /** Says whether every service runs in this window's process (before the screen builds its charts). */
    public void setServicesShareOneJvm(boolean value) {
        oneJvm = value;
    }

    /** The services' figures so far, for the charts' first fill. */
    org.opsconsole.console.metrics.MetricsHistory history() {
        return scraper.history();
    }

    Clock clock() {
        return clock;
    }

    /** Busy while saving, listing or exporting; its message says what happened (red when it failed). */
    public Calls calls() {
        return calls;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 by planned time; -1 (indeterminate) while the engine prepares. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line: phase, elapsed, rate, p99, errors. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Empty unless the engine can't keep the rate: then how far behind it is, loudly. */
    public ReadOnlyStringProperty behindProperty() {
        return behind.getReadOnlyProperty();
    }

    /** Why the form can't make a scenario, or why the run could not run. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadSnapshot> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The report shown: the last run's, or a saved run's that was opened. */
    public ReadOnlyObjectProperty<LoadReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** True while the report shown offers to delete the load data its run kept. */
    public ReadOnlyBooleanProperty canDeleteLoadDataProperty() {
        return canDeleteLoadData.getReadOnlyProperty();
    }

    /** Saved runs, newest first. */
    public ObservableList<RunStore.RunSummary> runs() {
        return FXCollections.unmodifiableObservableList(runs);
    }

    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    // Commands //

    /** The presets; applying one leaves the form's service URLs as they are (they may not be known yet). */
    public List<LoadPresets.Preset> presets() {
        return LoadPresets.forDefaultServices();
    }

    public void applyPreset(LoadPresets.Preset preset) {
        form.apply(preset);
        formError.set("");
    }

    /**
     * A service now listens at {@code baseUri}: the form points at it unless the operator typed
     * another address. On the FX thread.
     */
    public void serviceAt(String service, String baseUri) {
        String uri = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
        if ("users".equals(service)) {
            if (usersDefault.equals(form.usersUrlProperty().get())) {
                form.usersUrlProperty().set(uri);
            }
            usersDefault = uri;
        } else if ("orders".equals(service)) {
            if (ordersDefault.equals(form.ordersUrlProperty().get())) {
                form.ordersUrlProperty().set(uri);
            }
            ordersDefault = uri;
        }
    }

    /** The form's URL for this service follows where it runs (until the operator types another). */
    public void followService(WatchedService supervisor) {
        Consumer<ServiceStatus> listener = status -> {
            if (status.baseUri() != null) {
                String uri = status.baseUri().toString();
                FxThread.run(() -> serviceAt(supervisor.name(), uri));
            }
        };
        supervisor.addListener(listener);
        followed.add(() -> supervisor.removeListener(listener));
    }

    /** Starts a run from the form; false (with {@link #formErrorProperty()} saying why) when the form is wrong. */
    public boolean start() {
        if (running.get() || capacity.runningProperty().get()) {
            return false;
        }
        behind.set("");
        LoadScenario scenario = formScenario().orElse(null);
        if (scenario == null) {
            return false;
        }
        running.set(true);
        progress.set(-1);
        status.set("Preparing…");
        lastChartSecond = -1;
        warmupSeconds = (int) Math.ceil(scenario.warmup().toMillis() / 1000.0);
        charts.runStarting(scenario.warmup(), scenario.model() instanceof LoadScenario.Open);
        settled = new CompletableFuture<>();
        LoadRun started = LoadEngine.start(scenario);
        run = started;
        unsubscribe = started.onSnapshot(this::snapshotArrived);
        started.completion().whenComplete((done, error) -> FxThread.run(() -> finished(started, done, error)));
        return true;
    }

    /** The form's scenario; empty, with {@link #formErrorProperty()} saying what is wrong, when it makes none. */
    private java.util.Optional<LoadScenario> formScenario() {
        try {
            LoadScenario scenario = form.toScenario();
            formError.set("");
            return java.util.Optional.of(scenario);
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * The command that makes the form's run from a terminal, in a JVM of its own, saved among this
     * window's runs ({@code --data-dir} of its data folder); empty, with {@link #formErrorProperty()} saying what is wrong,
     * when the form makes no run.
     */
    public java.util.Optional<String> command() {
        try {
            List<String> words = new java.util.ArrayList<>(List.of(launcher(), "load"));
            words.addAll(form.commandOptions());
            // a data folder's runs (not the temporary ones of a console whose services run in memory)
            org.opsconsole.console.session.DataFolders.holdingLoadRuns(store.folder())
                    .ifPresent(data -> words.addAll(List.of("--data-dir", data.root().toString())));
            formError.set("");
            return java.util.Optional.of(shellLine(words));
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    // the launcher that started this window (./opsconsole and the Linux app's name themselves; jpackage's
    // own launchers set jpackage.app-path), else the one in the source folder
    private static String launcher() {
        for (String property : List.of("opsconsole.launcher", "jpackage.app-path")) {
            String path = System.getProperty(property);
            if (path != null && !path.isBlank()) {
                return path;
            }
        }
        return "./opsconsole";
    }

    /** Words as a POSIX shell reads them back: each word that needs it in single quotes. */
    static String shellLine(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /** The capacity search: its steps, where it is, what it found. */
    public CapacityViewModel capacity() {
        return capacity;
    }

    /**
     * Starts a capacity search from the form: its target, connections, timeouts and warm-up (before
     * each step); its first stage's rate as the first step's and its length as each step's; its
     * thresholds, or p99&lt;50ms, errors&lt;1%. False (with {@link #formErrorProperty()} saying why)
     * when the form is wrong, or asks for the closed model, or something runs already.
     */
    public boolean findCapacity() {
        if (running.get() || capacity.runningProperty().get()) {
            return false;
        }
        LoadScenario scenario = formScenario().orElse(null);
        if (scenario == null) {
            return false;
        }
        if (!(scenario.model() instanceof LoadScenario.Open open)) {
            formError.set("Find capacity steps the rate up: choose the open model (rate), whose first stage gives the first "
                    + "step's rate and each step's length.");
            return false;
        }
        org.opsconsole.console.load.workload.Stage first = open.plan().stages().getFirst();
        capacity.find(scenario, Math.max(1, Math.max(first.fromRate(), first.toRate())), first.duration());
        return true;
    }

    /**
     * Stops the run and answers when it has ended and its report is saved (at once when none
     * runs): what closing the window waits for before it stops the services under the run.
     */
    public CompletableFuture<Void> stopAndSave() {
        stop();
        capacity.stop();
        return settled;
    }

    /** Stops the run; its report covers what was done. */
    public void stop() {
        if (run != null) {
            run.stop();
            status.set("Stopping…");
        }
    }

    public CompletableFuture<List<RunStore.RunSummary>> refreshRuns() {
        return calls.run("Reading saved runs…", () -> io(store::list)).whenComplete((list, error) -> {
            if (error != null) {
                calls.say("Could not read the saved runs: " + Calls.unwrap(error).getMessage(), true);
            } else {
                runs.setAll(list);
                calls.say(list.isEmpty() ? "No saved runs yet." : list.size() + " saved run" + (list.size() == 1 ? "" : "s") + ".", false);
            }
        });
    }

    /** Shows a saved run's report. */
    public CompletableFuture<LoadReport> open(String id) {
        return calls.run("Opening " + id + "…", () -> io(() -> store.load(id))).whenComplete((loaded, error) -> {
            if (error != null) {
                calls.say("Could not open " + id + ": " + Calls.unwrap(error).getMessage(), true);
            } else {
                report.set(loaded);
                if (!running.get()) {
                    // the status line and the behind-schedule banner speak of the run shown, not of the last one run
                    status.set(summary(loaded));
                    behind.set("");
                }
                calls.say("Showing run " + id + ".", false);
            }
        });
    }

    /**
     * Deletes the users and orders the shown run kept (its load data), then shows and saves the
     * report with what became of them. The run that made them knows their ids; a saved run's are
     * found in the services the form aims at by their marker.
     */
    public CompletableFuture<LoadReport> deleteLoadData() {
        LoadRun live = run;
        LoadReport shown = report.get();
        if (!canDeleteLoadData.get() || shown == null) {
            return CompletableFuture.completedFuture(shown);
        }
        canDeleteLoadData.set(false);
        boolean itsRun = live != null && live.id().equals(shown.runId());
        String usersUrl = form.usersUrlProperty().get();
        String ordersUrl = form.ordersUrlProperty().get();
        String token = form.servicesToken();
        return calls.run("Deleting the load data of run " + shown.runId() + "…", () -> {
            LoadReport updated;
            try {
                updated = shown.withLoadData(itsRun ? live.deleteLoadData()
                        : LoadEngine.deleteKeptLoadData(shown.runId(), usersUrl, ordersUrl, token, shown.loadData()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("the console is closing");
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            io(() -> store.save(updated));
            return updated;
        }).whenComplete((updated, error) -> {
            if (error != null) {
                calls.say("Could not delete the load data: " + Calls.unwrap(error).getMessage(), true);
                updateCanDeleteLoadData();
            } else {
                report.set(updated);
                calls.say(updated.loadData().summary(), updated.loadData().remaining() > 0);
            }
        });
    }

    private void updateCanDeleteLoadData() {
        LoadReport shown = report.get();
        canDeleteLoadData.set(shown != null && !running.get() && shown.loadData() != null && shown.loadData().remaining() > 0);
    }

    public CompletableFuture<List<RunStore.RunSummary>> markBaseline(String id) {
        return calls.run("Marking " + id + " as the baseline…", () -> io(() -> {
            store.markBaseline(id);
            return null;
        })).thenCompose(x -> refreshRuns()).whenComplete((list, error) -> {
            if (error != null) {
                calls.say("Could not mark " + id + " as the baseline: " + Calls.unwrap(error).getMessage(), true);
            } else {
                calls.say(id + " is now the baseline.", false);
            }
        });
    }

    public CompletableFuture<List<RunStore.RunSummary>> delete(String id) {
        return calls.run("Deleting " + id + "…", () -> io(() -> {
            store.delete(id);
            return null;
        })).thenCompose(x -> refreshRuns()).whenComplete((list, error) -> {
            if (error != null) {
                calls.say("Could not delete " + id + ": " + Calls.unwrap(error).getMessage(), true);
            } else {
                calls.say("Deleted " + id + ".", false);
            }
        });
    }

    /** Compares {@code otherId} with {@code baseId}, or with the baseline when {@code baseId} is null. */
    public CompletableFuture<RunComparison> compare(String baseId, String otherId) {
        return calls.run("Comparing…", () -> io(() -> {
            String base = baseId != null ? baseId : store.baselineId()
                    .orElseThrow(() -> new IOException("Select two runs, or mark one as the baseline first."));
            return store.compare(base, otherId);
        })).whenComplete((result, error) -> {
            if (error != null) {
                calls.say("Could not compare: " + Calls.unwrap(error).getMessage(), true);
            } else {
                comparison.set(result);
                // the runs' ids are in the comparison's title
                calls.say(result.anyWorse() ? "Compared: some figures are worse (in red)." : "Compared: nothing got worse.", false);
            }
        });
    }

    /** Writes the shown report to {@code file}. */
    public CompletableFuture<Path> export(Format format, Path file) {
        LoadReport shown = report.get();
        if (shown == null) {
            calls.say("There is no report to export yet.", true);
            return CompletableFuture.failedFuture(new IllegalStateException("no report"));
        }
        return calls.run("Exporting…", () -> io(() -> {
            switch (format) {
                case HTML -> ReportFiles.writeHtml(shown, file);
                case CSV -> ReportFiles.writeCsv(shown, file);
                case JSON -> ReportFiles.writeJson(shown, file);
            }
            return file;
        })).whenComplete((path, error) -> calls.say(error == null
                ? "Saved " + file.getFileName() + "."
                : "Could not save " + file.getFileName() + ": " + Calls.unwrap(error).getMessage(), error != null));
    }

    public void dispose() {
        disposed = true;
        scraper.removeListener(metricsListener);
        followed.forEach(Runnable::run);
        unsubscribe.run();
        if (run != null && !run.isDone()) {
            run.stop();
        }
        charts.dispose();
    }

    // On the engine's thread: keep only the newest snapshot for the FX thread, and one a second for the charts
    private void snapshotArrived(LoadSnapshot s) {
        if (pending.getAndSet(s) == null) {
            Platform.runLater(() -> show(pending.getAndSet(null)));
        }
        if (s.startedAt() == null || s.phase() == LoadSnapshot.Phase.PREPARING) {
            return;
        }
        // one point a second: the warm-up's seconds (drawn as such), then the measured run's
        boolean warming = s.phase() == LoadSnapshot.Phase.WARMING_UP;
        int second = (int) Math.floor(s.elapsedSeconds()) + (warming ? 0 : warmupSeconds);
        if (second > lastChartSecond || s.phase() == LoadSnapshot.Phase.DONE) {
            lastChartSecond = s.phase() == LoadSnapshot.Phase.DONE ? Integer.MAX_VALUE : second;
            if (second > (warming ? 0 : warmupSeconds) || s.phase() == LoadSnapshot.Phase.DONE) {
                charts.runSecond(s);
            }
        }
    }

    private void show(LoadSnapshot s) {
        if (s == null) {
            return;
        }
        latest.set(s);
        if (!running.get()) {
            return;
        }
        progress.set(s.phase() == LoadSnapshot.Phase.PREPARING ? -1 : s.progress());
        status.set(s.phase() == LoadSnapshot.Phase.WARMING_UP ? warmupLine(s, warmupSeconds) : statusLine(s));
        behind.set(s.fallingBehind() && run != null
                ? behindSentence(s, run.scenario().connections(), oneJvm || run.scenario().target().onThisMachine(), oneJvm) : "");
    }

    /**
     * How far behind the engine is and what would help: more connections only when requests waited
     * for one; when the sender itself was held, the run from a terminal, in a JVM away from this
     * window's (and, when {@code servicesInThisJvm}, from the services' work and garbage).
     *
     * @param serverHere true when the server loaded runs on this machine (in this JVM, or another process)
     */
    static String behindSentence(LoadSnapshot s, int connections, boolean serverHere, boolean servicesInThisJvm) {
        String advice = s.lateForConnection() * 2 > s.late()
                ? "Every connection was busy when they were due: " + LateSendAdvice.connections(connections,
                        s.windowUncorrected().mean(), s.windowUncorrected().max(), s.targetRate(), "the connections",
                        s.cpu(), serverHere) + "."
                : "Connections were free: " + LateSendAdvice.machine(s.cpu(), serverHere) + ". Here the engine shares this window's JVM"
                        + (servicesInThisJvm ? " with the services, whose work and garbage stop it too" : "")
                        + ": 'Copy as command' gives the same run in a JVM of its own.";
        return String.format(Locale.ROOT, "Behind schedule: %d late sends, up to %.0f ms behind (now %.0f ms). %s",
                s.late(), s.maxBehindMs(), s.behindMs(), advice);
    }

    /** The warm-up's own second: how far into it, and its rate and latency, none of which the run's figures count. */
    static String warmupLine(LoadSnapshot s, int warmupSeconds) {
        return String.format(Locale.ROOT, "Warming up %.0f/%d s, not measured · %sachieved %.0f/s · "
                        + "p50 %.1f ms · p99 %.1f ms", Math.min(s.elapsedSeconds(), warmupSeconds), warmupSeconds,
                target(s), s.achievedRate(), s.windowCorrected().p50(), s.windowCorrected().p99());
    }

    /** "target 200/s · " while there is a rate to aim at (not with the closed model's users, nor at a ramp's 0), as the command's live line. */
    private static String target(LoadSnapshot s) {
        return s.targetRate() > 0 ? String.format(Locale.ROOT, "target %.0f/s · ", s.targetRate()) : "";
    }

    /** "Completed: 1000 requests at 200.0/s, p99 3.1 ms, 0 errors  (run 20261207-…)": a finished run in one line. */
    static String summary(LoadReport result) {
        return String.format(Locale.ROOT, "%s: %d requests at %.1f/s, p99 %.1f ms, %d errors%s  (run %s)",
                capitalized(result.outcome()), result.requests(), result.achievedRate(), result.latencyMs().corrected().p99(),
                result.errors(), result.stopReason() == null ? "" : " (" + result.stopReason() + ")", result.runId());
    }

    static String statusLine(LoadSnapshot s) {
        String phase = switch (s.phase()) {
            case PREPARING -> "Preparing";
            case WARMING_UP -> "Warming up";
            case RUNNING -> "Running";
            case STOPPING -> "Stopping";
            case CLEANING_UP -> "Deleting the load data";
            case DONE -> "Done";
        };
        return String.format(Locale.ROOT, "%s %.0f/%.0f s · %sachieved %.0f/s · p50 %.1f ms · p99 %.1f ms · "
                        + "%d requests · %d errors (%.2f%%)", phase, s.elapsedSeconds(), s.plannedSeconds(), target(s),
                s.achievedRate(), s.windowCorrected().p50(), s.windowCorrected().p99(), s.requests(), s.errors(), s.errorPercent());
    }

    private void finished(LoadRun done, LoadReport result, Throwable error) {
        if (done != run || disposed) {
            settled.complete(null);
            return;
        }
        unsubscribe.run();
        show(pending.getAndSet(null));
        running.set(false);
        if (error != null) {
            charts.runDidNotStart();
            Throwable cause = Calls.unwrap(error);
            progress.set(0);
            status.set(cause instanceof CancellationException ? "Stopped before it started." : "The run did not start: see why below.");
            behind.set("");
            if (!(cause instanceof CancellationException)) {
                formError.set(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            }
            settled.complete(null);
            return;
        }
        charts.runEnded();
        progress.set(1);
        report.set(result);
        status.set(summary(result));
        calls.run("Saving the run…", () -> io(() -> store.save(result)))
                .thenCompose(path -> refreshRuns())
                .whenComplete((list, saveError) -> {
                    if (saveError != null) {
                        calls.say("Could not save the run: " + Calls.unwrap(saveError).getMessage(), true);
                    } else {
                        calls.say("Saved run " + result.runId() + ".", false);
                    }
                    settled.complete(null);
                });
    }

    private static String capitalized(String outcome) {
        String words = outcome.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A store call whose IOException becomes unchecked, for {@link Calls#run}. */
    private interface IoCall<T> {
        T call() throws IOException;
    }

    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
