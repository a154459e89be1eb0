package org.opsconsole.console.ui.metrics;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.opsconsole.console.metrics.MetricsCsv;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.MetricsScraper;
import org.opsconsole.console.metrics.MetricsTick;
import org.opsconsole.console.ui.fx.FxThread;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Metrics screen's state: which time window is shown, whether charts are paused, and the
 * charts themselves. The scraper's once-a-second tick reaches the FX thread as one small update,
 * every second or every few (as far as the charts' time axes need to move a few pixels);
 * exports run on the I/O executor.
 */
public final class MetricsViewModel {

    public static final int[] WINDOWS_MINUTES = {1, 5, 15};
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(MetricsViewModel.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final MetricsScraper scraper;
    private final Executor io;
    private final Clock clock;
    private final List<ChartFeed> charts = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The only thread that writes to the charts' data sets (ChartFX wants them changed off the FX thread). */
    private final java.util.concurrent.ExecutorService feeder =
            java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("chart-feeder").factory());
    private final Consumer<MetricsTick> listener = tick -> feeder.execute(() -> feed(tick));
    // on the feeder thread only: the seconds not drawn yet, and what was drawn last
    private final RedrawCadence cadence = new RedrawCadence();
    private List<MetricsHistory.Mark> marksDrawn = List.of();
    private boolean figuresDrawn;
    private volatile boolean pausedNow;
    private volatile int windowSecondsNow = 5 * 60;

    // Properties //

    private final IntegerProperty windowMinutes = new SimpleIntegerProperty(5);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper lastUpdate = new ReadOnlyStringWrapper("waiting for the first scrape");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public MetricsViewModel(MetricsScraper scraper, Executor io, Clock clock) {
        this.scraper = scraper;
        this.io = io;
        this.clock = clock;
        windowMinutes.addListener((obs, was, now) -> {
            windowSecondsNow = now.intValue() * 60;
            reloadCharts();
        });
        paused.addListener((obs, was, now) -> {
            pausedNow = now;
            if (now) {
                lastUpdate.set("paused at " + TIME.format(clock.instant()) + ", still recording");
            } else {
                reloadCharts();
            }
        });
        scraper.addListener(listener);
    }

    public IntegerProperty windowMinutesProperty() {
        return windowMinutes;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyStringProperty lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }

    /** The outcome of the last export, for the operator. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // Commands //

    /** Keeps {@code chart} fed from now on (the screen builds it). */
    public void addChart(ChartFeed chart) {
        charts.add(chart);
        reload(chart);
    }

    /** Stops feeding {@code chart} (the screen dropped it). */
    public void removeChart(ChartFeed chart) {
        charts.remove(chart);
    }

    /** Writes the visible window of every series to a CSV file, off the FX thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        MetricsHistory.Slice slice = scraper.history().since(windowStart());
        return CompletableFuture.supplyAsync(() -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                MetricsCsv.write(out, slice, scraper.history().keys());
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).whenComplete((path, error) -> FxThread.run(() -> message.set(error == null
                ? "Saved " + slice.size() + " rows to " + file.getFileName()
                : "Could not save " + file.getFileName() + ": " + rootMessage(error))));
    }

    /** Saves a picture of a chart (the screen takes it on the FX thread), encoding and writing it off that thread. */
    public CompletableFuture<Path> savePng(RenderedImage picture, Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ImageIO.write(picture, "png", file.toFile());
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, io).whenComplete((path, error) -> FxThread.run(() -> message.set(error == null
                ? "Saved " + file.getFileName()
                : "Could not save " + file.getFileName() + ": " + rootMessage(error))));
    }

    public void dispose() {
        scraper.removeListener(listener);
        feeder.shutdownNow();
    }

    /**
     * On the feeder thread: one row for every chart, drawn with the rows held before it once the
     * time axis has moved far enough to show it ({@link RedrawCadence}), or at once when the marks
     * changed or the first figures came; then the axes and legends on the FX thread.
     */
    private void feed(MetricsTick tick) {
        if (pausedNow) {
            cadence.dropHeld();
            return;   // the history keeps the row; the charts and their "updated" line stay as they were
        }
        List<ChartFeed> targets = List.copyOf(charts);
        double to = tick.epochSeconds();
        double from = to - windowSecondsNow;
        List<MetricsHistory.Mark> marks = scraper.history().marksSince(from);
        boolean figures = tick.values().values().stream().anyMatch(v -> !Double.isNaN(v));
        if (!marks.equals(marksDrawn) || (figures && !figuresDrawn)) {
            cadence.drawNext();
        }
        List<MetricsTick> rows = cadence.offer(tick, RedrawCadence.pixelsPerSecond(targets));
        if (rows.isEmpty()) {
            return;
        }
        marksDrawn = marks;
        boolean firstFigures = figures && !figuresDrawn;
        figuresDrawn |= figures;
        double[] highest = new double[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            highest[i] = RedrawCadence.append(targets.get(i), rows);
        }
        javafx.application.Platform.runLater(() -> {
            if (pausedNow) {
                return;   // paused between the feeder's work and this
            }
            lastUpdate.set("updated " + TIME.format(clock.instant()));
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).applyView(from, to, highest[i], tick);
                targets.get(i).showMarks(marks);
            }
            if (firstFigures) {
                // drawn on the next pulse; logged for the start-up benchmark
                javafx.application.Platform.runLater(() -> LOG.info(() -> "first figures on the charts "
                        + org.opsconsole.console.session.ConsoleSession.sinceJvmStart() + " ms after the JVM started"));
            }
        });
    }

    private void reloadCharts() {
        charts.forEach(this::reload);
    }

    /** New data sets for the window on the FX thread, filled from the history on the feeder thread. */
    private void reload(ChartFeed chart) {
        int seconds = windowSeconds();
        chart.resetData(seconds + 2);
        feeder.execute(() -> {
            MetricsHistory.Slice slice = scraper.history().since(clock.millis() / 1000.0 - seconds);
            double highest = chart.fillData(slice);
            double to = slice.size() == 0 ? clock.millis() / 1000.0 : slice.times()[slice.size() - 1];
            List<MetricsHistory.Mark> marks = scraper.history().marksSince(to - seconds);
            javafx.application.Platform.runLater(() -> {
                chart.applyView(to - seconds, to, highest, null);
                chart.showMarks(marks);
            });
        });
    }

    private int windowSeconds() {
        return windowMinutes.get() * 60;
    }

    private double windowStart() {
        return clock.millis() / 1000.0 - windowSeconds();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
