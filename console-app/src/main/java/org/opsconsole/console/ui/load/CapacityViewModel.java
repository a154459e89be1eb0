package org.opsconsole.console.ui.load;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opsconsole.console.load.capacity.CapacityReports;
import org.opsconsole.console.load.capacity.CapacityResult;
import org.opsconsole.console.load.capacity.CapacitySearch;
import org.opsconsole.console.load.capacity.CapacityStep;
import org.opsconsole.console.load.capacity.EngineSteps;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.Threshold;
import org.opsconsole.console.ui.fx.FxThread;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Load screen's capacity search: runs it off the FX thread, step by step, and keeps its
 * progress (the steps so far and a line saying where it is) and its result, saved beside the load
 * runs. Changed on the FX thread.
 */
public final class CapacityViewModel {

    /** The search's bounds on the Load screen (the command line sets them with options). */
    private static final double MAX_RATE = 1_000_000;
    private static final double PRECISION = 0.05;
    private static final int MAX_STEPS = 20;
    private static final double MAX_ENGINE_LATE_PERCENT = 2;

    private final Path loadRuns;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CapacityResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CapacityStep> steps = FXCollections.observableArrayList();
    // one read-only view, kept: a view made per call listens to the list weakly, so a listener on one
    // nobody holds stops hearing when the view is collected
    private final ObservableList<CapacityStep> stepsShown = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<CapacityResult> kept = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<org.opsconsole.console.load.capacity.CapacityComparison> comparison = new ReadOnlyObjectWrapper<>();
    private volatile CapacitySearch search;

    CapacityViewModel(Path loadRuns, Clock clock) {
        this.loadRuns = loadRuns;
        this.clock = clock;
        refresh();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Where the search is ("step 3 at 200/s held; the highest that held so far 200/s"), then what it found. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CapacityResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<CapacityStep> steps() {
        return stepsShown;
    }

    /** The kept results, newest first (read again by {@link #refresh()} and after each search). */
    public ObservableList<CapacityResult> kept() {
        return FXCollections.unmodifiableObservableList(kept);
    }

    public ReadOnlyObjectProperty<org.opsconsole.console.load.capacity.CapacityComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Reads the kept results again, off the FX thread. */
    public void refresh() {
        Thread.ofVirtual().name("capacity-results").start(() -> {
            try {
                List<CapacityResult> read = CapacityReports.list(loadRuns);
                FxThread.run(() -> kept.setAll(read));
            } catch (IOException e) {
                FxThread.run(() -> status.set("Could not read the kept capacity results: " + e.getMessage()));
            }
        });
    }

    /** Shows a kept result as if its search had just ended. */
    public void open(CapacityResult shown) {
        if (running.get()) {
            return;
        }
        steps.setAll(shown.steps());
        result.set(shown);
        status.set(shown.summary());
    }

    /** Compares two kept results, the older as the base. */
    public void compare(CapacityResult a, CapacityResult b) {
        boolean aOlder = a.startedAt() != null && b.startedAt() != null && a.startedAt().isBefore(b.startedAt());
        comparison.set(aOlder ? org.opsconsole.console.load.capacity.CapacityComparison.of(a, b)
                : org.opsconsole.console.load.capacity.CapacityComparison.of(b, a));
    }

    /**
     * Searches {@code scenario}'s target from {@code startRate}, each step {@code step} long after
     * the scenario's warm-up; judged by its thresholds (by p99&lt;50ms, errors&lt;1% when it has none).
     */
    void find(LoadScenario scenario, double startRate, Duration step) {
        List<Threshold> thresholds = scenario.thresholds().isEmpty()
                ? Arrays.stream(CapacitySearch.Settings.DEFAULT_THRESHOLDS.split("\\s*,\\s*")).map(Threshold::parse).toList()
                : scenario.thresholds();
        CapacitySearch started = new CapacitySearch(new CapacitySearch.Settings(startRate, Math.max(startRate, MAX_RATE),
                PRECISION, MAX_STEPS, MAX_ENGINE_LATE_PERCENT, thresholds), clock);
        search = started;
        steps.clear();
        result.set(null);
        running.set(true);
        status.set(String.format(Locale.ROOT, "Finding capacity: step 1 at %,.0f/s (%s each, then a verdict)…", startRate,
                org.opsconsole.console.load.workload.Durations.format(step)));
        Thread.ofPlatform().daemon().name("capacity-search").start(() -> {
            try {
                CapacityResult found = started.run(new EngineSteps(scenario, step, scenario.warmup()),
                        s -> FxThread.run(() -> stepDone(s))).withTarget(scenario.target().describe());
                String saved;
                try {
                    saved = " Saved as " + CapacityReports.save(found, loadRuns).getFileName() + ".";
                } catch (IOException e) {
                    saved = " It could not be saved: " + e.getMessage();
                }
                String said = found.summary() + saved;
                FxThread.run(() -> done(found, said));
            } catch (RuntimeException e) {
                FxThread.run(() -> done(null, "The capacity search could not run a step: " + e.getMessage()));
            }
        });
    }

    /** Ends the search after the step under way; its result says it was stopped. */
    public void stop() {
        CapacitySearch current = search;
        if (current != null && running.get()) {
            current.stop();
            status.set("Stopping the capacity search…");
        }
    }

    private void stepDone(CapacityStep step) {
        steps.add(step);
        double held = steps.stream().filter(s -> s.verdict() == CapacityStep.Verdict.HOLDS)
                .mapToDouble(CapacityStep::offeredRate).max().orElse(0);
        status.set(String.format(Locale.ROOT, "Finding capacity: step %d at %,.0f/s %s; the highest that held so far: %s",
                step.number(), step.offeredRate(), switch (step.verdict()) {
                    case HOLDS -> "held";
                    case BREAKS -> "broke " + String.join(", ", step.broken());
                    case ENGINE_BEHIND -> "left the engine behind";
                }, held == 0 ? "none" : String.format(Locale.ROOT, "%,.0f/s", held)));
    }

    private void done(CapacityResult found, String said) {
        search = null;
        running.set(false);
        result.set(found);
        status.set(said);
        refresh();
    }
}
