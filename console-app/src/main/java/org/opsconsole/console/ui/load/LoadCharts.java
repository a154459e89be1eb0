package org.opsconsole.console.ui.load;

import javafx.application.Platform;
import org.opsconsole.console.load.engine.LoadSnapshot;
import org.opsconsole.console.metrics.Metric;
import org.opsconsole.console.metrics.MetricsHistory;
import org.opsconsole.console.metrics.MetricsTick;
import org.opsconsole.console.metrics.SeriesKey;
import org.opsconsole.console.ui.metrics.MetricsChart;
import org.opsconsole.console.ui.metrics.RedrawCadence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Load screen's six charts on one wall-clock time axis: the run's rate, latency and errors,
 * and the services' own requests/s, p99 and heap. They are the Metrics screen's {@link MetricsChart}
 * (same look in both themes); the run's figures travel in a {@link MetricsTick} whose series name
 * the figure's source ("target", "corrected", ...) where the services' name the service.
 *
 * <p>One point per series per second, written on a single feeder thread (ChartFX wants data sets
 * changed off the FX thread); axes and legends are then set on the FX thread.
 */
final class LoadCharts implements LoadChartFeed {

    static final SeriesKey TARGET = new SeriesKey("target", Metric.REQUESTS_PER_SECOND);
    static final SeriesKey ACHIEVED = new SeriesKey("achieved", Metric.REQUESTS_PER_SECOND);
    static final SeriesKey CORRECTED_P50 = new SeriesKey("corrected", Metric.LATENCY_P50);
    static final SeriesKey CORRECTED_P99 = new SeriesKey("corrected", Metric.LATENCY_P99);
    static final SeriesKey UNCORRECTED_P50 = new SeriesKey("uncorrected", Metric.LATENCY_P50);
    static final SeriesKey UNCORRECTED_P99 = new SeriesKey("uncorrected", Metric.LATENCY_P99);
    static final SeriesKey ERRORS = new SeriesKey("errors", Metric.SERVER_ERRORS_PER_SECOND);
    static final SeriesKey LATE = new SeriesKey("late", Metric.SERVER_ERRORS_PER_SECOND);

    /** Seconds shown before a run starts (as the Metrics screen's window), drawn every other second or so. */
    private static final int IDLE_WINDOW_SECONDS = 5 * 60;
    static final String WARMUP_MARK = "warm-up (not measured)";
    static final String MEASURED_MARK = "measured from here";
    static final String DID_NOT_START = "The run did not start (why is said above). A run's rate, latency, errors and late "
            + "sends are drawn here from its first second.";
    static final String NO_RUN_YET = "No run yet: the run's rate, latency, errors and late sends are drawn here from its first second.";
    private static final int SERVICE_CAPACITY = 3600;

    private final Clock clock;
    private final MetricsHistory history;
    private final List<MetricsChart> runCharts;
    private final List<MetricsChart> serviceCharts;
    private final ExecutorService feeder =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("load-chart-feeder").factory());

    // written on the feeder thread only
    private double lastErrors;
    private double lastLate;
    private double lastSecond = Double.NaN;
    private final RedrawCadence servicesCadence = new RedrawCadence();
    // the run's span in epoch seconds; NaN before the first run
    private volatile double runFrom = Double.NaN;
    private volatile double runTo = Double.NaN;
    private volatile boolean running;
    // the warm-up of the run on the charts, in seconds: drawn before its measured start, marked as such
    private volatile double warmupSeconds;
    /** The run sends on a schedule: it has a target rate (a closed model's users have none: no line, not one at 0). */
    private volatile boolean scheduled;
    private volatile List<MetricsHistory.Mark> runMarks = List.of();
    // false until the first run starts: until then the run's charts are left still
    private volatile boolean runStarted;

    private static final String CORRECTED_HELP = "Corrected: from the moment the request was planned to leave, so time spent"
            + " waiting behind a slow server counts (what a user of a real schedule would see)";
    private static final String UNCORRECTED_HELP = "Uncorrected: from the moment the request actually left; it hides the wait"
            + " when the server stalls, so compare it with the corrected line";

    /** @param oneJvm every service runs in this window's process: their heap is one line, the console JVM's */
    LoadCharts(List<String> services, boolean oneJvm, MetricsHistory history, Clock clock) {
        this.clock = clock;
        this.history = history;
        runCharts = List.of(
                new MetricsChart("load-rate", "Run: target vs achieved", "req/s", List.of(TARGET, ACHIEVED),
                        List.of("target", "achieved")),
                new MetricsChart("load-latency", "Run: latency per second", "ms",
                        List.of(CORRECTED_P50, CORRECTED_P99, UNCORRECTED_P50, UNCORRECTED_P99),
                        List.of("p50", "p99", "p50 uncorr.", "p99 uncorr."))
                        .explain(0, CORRECTED_HELP).explain(1, CORRECTED_HELP)
                        .explain(2, UNCORRECTED_HELP).explain(3, UNCORRECTED_HELP),
                new MetricsChart("load-errors", "Run: errors, late sends", "per s", List.of(ERRORS, LATE),
                        List.of("errors", "late sends"))
                        .explain(0, "Requests answered with an error or not answered at all, per second")
                        .explain(1, "Requests that left more than the allowed delay after their planned time, per second:"
                                + " the machine or the connections could not keep the schedule"));
        serviceCharts = List.of(
                perService("load-svc-requests", "Services: requests/s", "req/s", services, Metric.REQUESTS_PER_SECOND, ""),
                perService("load-svc-latency", "Services: latency p99", "ms", services, Metric.LATENCY_P99, " p99"),
                oneJvm
                        ? new MetricsChart("load-svc-heap", "Heap used (the console's JVM, both services in it)", "MiB",
                                List.of(new SeriesKey(services.getFirst(), Metric.HEAP_USED_MB)), List.of("console JVM"))
                        : perService("load-svc-heap", "Services: heap used", "MiB", services, Metric.HEAP_USED_MB, ""));
        for (MetricsChart chart : runCharts) {
            chart.resetData(SERVICE_CAPACITY);
            // no empty plot with a time span of its own beside the services' charts
            chart.showPlaceholder(NO_RUN_YET);
        }
        for (MetricsChart chart : serviceCharts) {
            chart.resetData(SERVICE_CAPACITY);
        }
        feeder.execute(() -> {
            double now = now();
            MetricsHistory.Slice slice = history.since(now - IDLE_WINDOW_SECONDS);
            List<Double> highest = new ArrayList<>();
            serviceCharts.forEach(chart -> highest.add(chart.fillData(slice)));
            applyViews(serviceCharts, highest, null);
            applyViews(runCharts, runCharts.stream().map(c -> Double.NaN).toList(), null);
        });
    }

    private static MetricsChart perService(String key, String title, String unit, List<String> services, Metric metric,
                                           String suffix) {
        return new MetricsChart(key, title, unit, services.stream().map(s -> new SeriesKey(s, metric)).toList(),
                services.stream().map(s -> s + suffix).toList());
    }

    /** The run's charts first, then the services'. */
    List<MetricsChart> all() {
        List<MetricsChart> all = new ArrayList<>(runCharts);
        all.addAll(serviceCharts);
        return all;
    }

    /** A new run: the run's charts are emptied; on the FX thread. */
    @Override
    public void runStarting(java.time.Duration warmup, boolean scheduled) {
        runCharts.forEach(chart -> chart.showPlaceholder(""));
        running = true;
        runStarted = true;
        runFrom = Double.NaN;
        runTo = Double.NaN;
        warmupSeconds = warmup.toMillis() / 1000.0;
        this.scheduled = scheduled;
        runMarks = List.of();
        feeder.execute(() -> {
            lastErrors = 0;
            lastLate = 0;
            lastSecond = Double.NaN;
            MetricsHistory.Slice none = new MetricsHistory.Slice(new double[0], Map.of());
            runCharts.forEach(chart -> chart.fillData(none));
        });
    }

    @Override
    public void runEnded() {
        running = false;
    }

    /** Back to words in place of the run's plots, which stand still again (as before a first run). */
    @Override
    public void runDidNotStart() {
        running = false;
        runStarted = false;
        runFrom = Double.NaN;
        runMarks = List.of();
        runCharts.forEach(chart -> chart.showPlaceholder(DID_NOT_START));
    }

    /** A snapshot at a whole second of the run (or its last); on any thread. */
    @Override
    public void runSecond(LoadSnapshot s) {
        feeder.execute(() -> {
            double start = s.startedAt().toEpochMilli() / 1000.0;
            if (Double.isNaN(runFrom)) {
                runFrom = start - warmupSeconds;
                runTo = start + s.plannedSeconds();
                runMarks = warmupSeconds > 0
                        ? List.of(new MetricsHistory.Mark(runFrom, WARMUP_MARK), new MetricsHistory.Mark(start, MEASURED_MARK))
                        : List.of();
            }
            // a warm-up snapshot counts its seconds from the warm-up's start, the others from the measured start
            double at = s.phase() == LoadSnapshot.Phase.WARMING_UP ? runFrom + s.elapsedSeconds() : start + s.elapsedSeconds();
            double seconds = Double.isNaN(lastSecond) ? Math.max(s.elapsedSeconds(), 1e-3) : Math.max(at - lastSecond, 1e-3);
            MetricsTick tick = new MetricsTick(at, Map.of(
                    TARGET, scheduled ? s.targetRate() : Double.NaN,
                    ACHIEVED, s.achievedRate(),
                    CORRECTED_P50, s.windowCorrected().p50(),
                    CORRECTED_P99, s.windowCorrected().p99(),
                    UNCORRECTED_P50, s.windowUncorrected().p50(),
                    UNCORRECTED_P99, s.windowUncorrected().p99(),
                    ERRORS, (s.errors() - lastErrors) / seconds,
                    LATE, (s.late() - lastLate) / seconds));
            lastErrors = s.errors();
            lastLate = s.late();
            lastSecond = at;
            List<Double> highest = new ArrayList<>();
            runCharts.forEach(chart -> highest.add(chart.appendData(tick)));
            applyViews(runCharts, highest, tick);
        });
    }

    /**
     * The services' metrics of one second; on the scraper's thread. While a run goes they are drawn
     * every second; before and after one, once the time axis has moved a few pixels ({@link RedrawCadence}).
     */
    @Override
    public void servicesSecond(MetricsTick tick) {
        feeder.execute(() -> {
            if (running) {
                servicesCadence.drawNext();
            }
            List<MetricsTick> rows = servicesCadence.offer(tick, RedrawCadence.pixelsPerSecond(serviceCharts));
            if (rows.isEmpty()) {
                return;
            }
            List<Double> highest = new ArrayList<>();
            serviceCharts.forEach(chart -> highest.add(RedrawCadence.append(chart, rows)));
            applyViews(serviceCharts, highest, tick);
            // the run's charts follow the same clock during and after a run, also in a second without a
            // snapshot. Before the first run they hold nothing and stay as they are: ChartFX keeps
            // redrawing an empty chart whose axis moves, about 60 frames a second for nothing.
            if (runStarted) {
                applyViews(runCharts, runCharts.stream().map(c -> Double.NaN).toList(), null);
            }
        });
    }

    /** Every chart shows the same span: the run (from a little before, until it ends or now), else the last minute. */
    private void applyViews(List<MetricsChart> charts, List<Double> highest, MetricsTick tick) {
        double now = now();
        double from;
        double to;
        if (Double.isNaN(runFrom)) {
            from = now - IDLE_WINDOW_SECONDS;
            to = now;
        } else {
            from = runFrom - 5;
            to = running ? Math.max(runTo, now) + 1 : Math.max(runTo, Math.min(now, runTo + 5));
        }
        List<MetricsHistory.Mark> marks = new ArrayList<>(history.marksSince(from));
        marks.addAll(runMarks);
        Platform.runLater(() -> {
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).applyView(from, to, highest.get(i), tick);
                charts.get(i).showMarks(marks);
            }
        });
    }

    private double now() {
        return clock.millis() / 1000.0;
    }

    @Override
    public void dispose() {
        feeder.shutdownNow();
    }
}
