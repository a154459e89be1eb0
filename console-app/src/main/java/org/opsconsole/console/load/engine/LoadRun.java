package org.opsconsole.console.load.engine;

import okhttp3.Request;
import org.opsconsole.console.load.engine.LoadSnapshot.Phase;
import org.opsconsole.console.load.report.LoadData;
import org.opsconsole.console.load.report.LoadReport;
import org.opsconsole.console.load.report.Percentiles;
import org.opsconsole.console.load.report.ReportText;
import org.opsconsole.console.load.transport.LoadHttpClient;
import org.opsconsole.console.load.transport.OkHttpLoadClient;
import org.opsconsole.console.load.transport.PlainHttpClient;
import org.opsconsole.console.load.workload.LoadScenario.Closed;
import org.opsconsole.console.load.workload.LoadScenario.Open;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.Operation;
import org.opsconsole.console.load.workload.OperationMix;
import org.opsconsole.console.load.workload.RatePlan;
import org.opsconsole.console.load.workload.ServiceOperations;
import org.opsconsole.console.load.workload.Stage;
import org.opsconsole.console.load.workload.Threshold;
import org.opsconsole.console.load.workload.UrlOperation;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One run of the engine, started by {@link LoadEngine#start}: watch it ({@link #snapshots()},
 * {@link #onSnapshot}, {@link #latest()}), stop it ({@link #stop()}), and get its report
 * ({@link #completion()}).
 *
 * <p>How the open model works (wrk2's scheme): request number {@code i} is due at a time the
 * {@link RatePlan} computes. Over plain http one thread ({@link EventLoopSender}) takes the next
 * number, waits for its due time and sends on a free connection; over https (OkHttp) a worker per
 * connection does the same. Each answer's latency is recorded from the due time (corrected) and from
 * the send (uncorrected). When every connection is busy, the next request can only leave late; that
 * lateness is counted, never hidden, and it still counts in the corrected latency. Nothing grows with
 * the run's length but the one-row-per-second timeline.
 */
public final class LoadRun {

    /** Snapshots are published this often. */
    public static final long TICK_MILLIS = 100;

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String id;
    private final LoadScenario scenario;
    private final LoadClock clock;
    private final java.util.function.Supplier<LoadHttpClient> transport;
    private final boolean connectsFirst;
    private volatile Instant startedAt;
    private final SubmissionPublisher<LoadSnapshot> publisher =
            new SubmissionPublisher<>(Executors.newVirtualThreadPerTaskExecutor(), 16);
    private final List<Consumer<LoadSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<LoadReport> completion = new CompletableFuture<>();
    private final AtomicLong nextTicket = new AtomicLong();
    // the tickets due within the warm-up, and how many of them were dropped unsent (see takeTicket)
    private long warmupTickets;
    private final AtomicLong warmupUnsent = new AtomicLong();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private volatile Phase phase = Phase.PREPARING;
    private volatile LoadSnapshot latest;
    // the machine's and this process's counters when the measured run started, to explain its late sends
    private volatile CpuUse.Reading cpuAtStart;
    private volatile boolean stopping;
    private volatile String stopReason;
    private volatile String outcome = LoadReport.COMPLETED;
    private volatile long startNanos;
    private volatile long measureFromNanos;
    private RatePlan schedule;
    private volatile long endNanos;
    private LoadHttpClient http;
    private RunRecorder recorder;
    private RunSampler sampler;
    // the warm-up's own figures: shown live as the warm-up's, never in the run's
    private RunRecorder warmupRecorder;
    private RunSampler warmupSampler;
    private OperationMix mix;
    private Map<String, Operation> operations;
    // the operations over the services, which know what the run created; null for one URL
    private volatile ServiceOperations serviceOperations;
    private volatile LoadData loadData;

    /**
     * @param clock     where the run reads the time and waits for it
     * @param transport makes the HTTP client the run sends with; null for the one the scenario chooses
     *                  (then a one-URL run first connects to the URL: one given has no network to check)
     */
    LoadRun(LoadScenario scenario, String id, LoadClock clock, java.util.function.Supplier<LoadHttpClient> transport) {
        this.scenario = scenario;
        this.id = id == null ? newId() : id;
        this.clock = clock;
        this.connectsFirst = transport == null;
        this.transport = transport != null ? transport
                : () -> clientFor(scenario.client(), usesHttps(), scenario.connections(), scenario.timeout());
        latest = emptySnapshot();
    }

    static String newId() {
        return ID_TIME.format(Instant.now()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    // Observing //

    public String id() {
        return id;
    }

    public LoadScenario scenario() {
        return scenario;
    }

    /** Snapshots at least every {@value #TICK_MILLIS} ms; a slow subscriber misses some rather than slowing the run. */
    public Flow.Publisher<LoadSnapshot> snapshots() {
        return publisher;
    }

    /**
     * Calls {@code listener} with every snapshot, on the engine's sampling thread: it must return
     * quickly (hand off to the UI thread, print a line). Returns what removes it.
     */
    public Runnable onSnapshot(Consumer<LoadSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public LoadSnapshot latest() {
        return latest;
    }

    /**
     * Requests sent and not answered at this instant, those of the warm-up included, while the run is
     * measuring; -1 in any other phase. Cheap enough to sample every millisecond.
     */
    public int measuringInFlight() {
        if (phase != Phase.RUNNING || stopping) {
            return -1;
        }
        return Math.max(0, recorder.inFlight.get()) + (warmupRecorder == null ? 0 : Math.max(0, warmupRecorder.inFlight.get()));
    }

    /**
     * The report when the run ends (completed, stopped or failed a threshold); exceptional when it
     * could not run (services unreachable: the message says why) or was stopped while preparing
     * ({@link CancellationException}).
     */
    public CompletableFuture<LoadReport> completion() {
        return completion;
    }

    public boolean isDone() {
        return completion.isDone();
    }

    // Commands //

    /** Stops the run: no new requests, those in flight are cancelled, and the report covers what was done. */
    public void stop() {
        stopBecause("stopped by the user", LoadReport.STOPPED);
    }

    private void stopBecause(String reason, String why) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopReason = reason;
            outcome = why;
            stopping = true;
        }
        workers.forEach(LockSupport::unpark);
        LoadHttpClient client = http;
        if (client != null) {
            client.cancelAll();
        }
    }

    // The run //

    void run() {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sampler-" + id);
            t.setDaemon(true);
            return t;
        });
        try (LoadHttpClient client = transport.get()) {
            http = client;
            prepare();
            if (stopping) {
                cleanUp();
                finish(ticker);
                return;
            }
            recorder = new RunRecorder(List.copyOf(operations.keySet()), scenario.lateAfter().toNanos());
            sampler = new RunSampler(recorder, List.copyOf(operations.keySet()));
            warmupRecorder = new RunRecorder(List.copyOf(operations.keySet()), scenario.lateAfter().toNanos());
            warmupSampler = new RunSampler(warmupRecorder, List.copyOf(operations.keySet()));
            schedule = scenario.model() instanceof Open open ? withWarmup(open.plan()) : null;
            warmupTickets = schedule == null ? 0 : firstTicketDueAt(scenario.warmup().toNanos());
            startNanos = clock.nanoTime();
            cpuAtStart = clock.cpu();
            measureFromNanos = startNanos + scenario.warmup().toNanos();
            startedAt = clock.now().plus(scenario.warmup());
            sampler.begin(measureFromNanos, plannedBy(measureFromNanos));
            warmupSampler.begin(startNanos, 0);
            phase = scenario.warmup().isZero() ? Phase.RUNNING : Phase.WARMING_UP;
            ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            startWorkers();
            for (Thread worker : workers) {
                worker.join();
            }
            endNanos = clock.nanoTime();
            cleanUp();
            finish(ticker);
        } catch (Throwable e) {
            ticker.shutdownNow();
            phase = Phase.DONE;
            Throwable why = stopping && sampler == null
                    ? new CancellationException("stopped before the run started") : e;
            publisher.closeExceptionally(why);
            completion.completeExceptionally(why);
        }
    }

    private boolean usesHttps() {
        return switch (scenario.target()) {
            case LoadScenario.Services s -> s.usersUrl().startsWith("https:") || s.ordersUrl().startsWith("https:");
            case LoadScenario.Url u -> u.url().startsWith("https:");
        };
    }

    private void prepare() throws java.io.IOException {
        switch (scenario.target()) {
            case LoadScenario.Services services -> {
                mix = services.mix();
                ServiceOperations ops = new ServiceOperations(services.usersUrl(), services.ordersUrl(), id, services.apiToken());
                serviceOperations = ops;
                operations = ops.operations(mix);
                publish(emptySnapshot());
                ops.prepare(http, mix);
            }
            case LoadScenario.Url url -> {
                UrlOperation op = new UrlOperation(url.method(), url.url(), url.body(), url.headers());
                mix = new OperationMix(Map.of(op.name(), 1));
                operations = Map.of(op.name(), op);
                if (connectsFirst) {
                    op.checkReachable(scenario.timeout());
                }
            }
        }
    }

    private RatePlan withWarmup(RatePlan plan) {
        if (scenario.warmup().isZero()) {
            return plan;
        }
        Stage first = plan.stages().getFirst();
        double rate = first.fromRate() > 0 ? first.fromRate() : first.toRate();
        List<Stage> stages = new ArrayList<>();
        stages.add(Stage.constant(scenario.warmup(), rate));
        stages.addAll(plan.stages());
        return new RatePlan(stages);
    }

    /** The first ticket the schedule plans at or after {@code nanos} from the start. */
    private long firstTicketDueAt(long nanos) {
        long low = 0;
        long high = schedule.totalRequests();
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (schedule.dueNanos(mid) < nanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The next ticket of the open model to send, or -1 when the plan is done. A warm-up ticket taken
     * once the warm-up is over is dropped, with every other warm-up ticket not sent yet: the measured
     * run starts on schedule instead of paying the debt of a cold start.
     */
    long takeTicket() {
        long ticket = nextTicket.getAndIncrement();
        if (ticket < warmupTickets && clock.nanoTime() >= measureFromNanos) {
            long next = nextTicket.getAndAccumulate(warmupTickets, Math::max);
            warmupUnsent.addAndGet(1 + Math.max(0, warmupTickets - next));
            ticket = nextTicket.getAndIncrement();
        }
        return ticket < schedule.totalRequests() ? ticket : -1;
    }

    /** An operation and the request it made. */
    record Picked(Operation op, Request request) {
    }

    /** The request for ticket {@code n}: an operation with nothing to act on yet (no order to move) gives way to the next. */
    Picked pick(long ticket) {
        for (int i = 0; i < 100; i++) {
            Operation op = operations.get(mix.pick(ticket + i));
            Request request = op.nextRequest();
            if (request != null) {
                return new Picked(op, request);
            }
        }
        return null;
    }

    private void startWorkers() {
        if (scenario.model() instanceof Open && http instanceof PlainHttpClient) {
            startEventLoops();
            return;
        }
        // platform threads: measured fewer late sends than virtual ones (a timed park wakes sooner), and
        // their number is bounded by --connections anyway
        Thread.Builder builder = Thread.ofPlatform().daemon(true).name("load-" + id + "-", 0);
        int count = switch (scenario.model()) {
            case Open open -> (int) Math.min(scenario.connections(), Math.max(1, schedule.totalRequests()));
            case Closed closed -> closed.vus();
        };
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Runnable body = scenario.model() instanceof Open ? () -> openWorker(schedule) : this::closedWorker;
            started.add(builder.unstarted(body));
        }
        workers.addAll(started);
        started.forEach(Thread::start);
    }

    /** The open model over plain http on selector loops sharing the connections (see {@link EventLoopSender}). */
    private void startEventLoops() {
        int connections = scenario.connections();
        // one loop by default (least CPU per request); -Dopsconsole.load.loops=N spreads the connections over N
        int loops = Math.max(1, Math.min(connections, Integer.getInteger("opsconsole.load.loops", 1)));
        EventLoopSender.Run context = new EventLoopSender.Run() {
            @Override
            public boolean stopping() {
                return stopping;
            }

            @Override
            public long nextTicket() {
                return takeTicket();
            }

            @Override
            public long due(long ticket) {
                return startNanos + schedule.dueNanos(ticket);
            }

            @Override
            public RunRecorder recorderFor(long planned) {
                return LoadRun.this.recorderFor(planned);
            }

            @Override
            public Picked pick(long ticket) {
                return LoadRun.this.pick(ticket);
            }

            @Override
            public RunRecorder recorder() {
                return recorder;
            }

            @Override
            public void answered(Picked picked, long due, long sent, RunRecorder recorder, LoadHttpClient.Outcome outcome) {
                LoadRun.this.answered(picked, due, sent, recorder, outcome);
            }

            @Override
            public Duration timeout() {
                return scenario.timeout();
            }
        };
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            int share = connections / loops + (i < connections % loops ? 1 : 0);
            EventLoopSender loop = new EventLoopSender(context, share);
            started.add(Thread.ofPlatform().daemon(true).name("load-" + id + "-loop-" + i).unstarted(loop));
        }
        workers.addAll(started);
        started.forEach(Thread::start);
    }

    private void openWorker(RatePlan plan) {
        while (!stopping) {
            long ticket = takeTicket();
            if (ticket < 0) {
                return;
            }
            long due = startNanos + plan.dueNanos(ticket);
            long now = clock.nanoTime();
            // taken after it was due: every worker was busy until now
            boolean waited = now > due;
            while (now < due) {
                if (stopping) {
                    return;
                }
                clock.parkUntil(due);
                now = clock.nanoTime();
            }
            send(ticket, due, waited);
        }
    }

    private void closedWorker() {
        Closed closed = (Closed) scenario.model();
        long end = measureFromNanos + closed.duration().toNanos();
        long think = closed.think().toNanos();
        while (!stopping && clock.nanoTime() < end) {
            send(nextTicket.getAndIncrement(), -1, false);
            long wakeAt = clock.nanoTime() + think;
            long now;
            while (!stopping && (now = clock.nanoTime()) < wakeAt && now < end) {
                clock.parkUntil(Math.min(wakeAt, end));
            }
        }
    }

    /** A warm-up request is sent and learnt from (ids it created) like any other, and counted apart. */
    private RunRecorder recorderFor(long planned) {
        return planned < measureFromNanos ? warmupRecorder : recorder;
    }

    /** Sends request {@code ticket}; {@code due} is its planned time, or -1 when it has none (closed model). */
    private void send(long ticket, long due, boolean waitedForConnection) {
        Picked picked = pick(ticket);
        if (picked == null) {
            recorder.skipped.increment();
            return;
        }
        long sent = clock.nanoTime();
        long planned = due < 0 ? sent : due;
        RunRecorder into = recorderFor(planned);
        into.sending(sent - planned, waitedForConnection);
        answered(picked, planned, sent, into, http.send(picked.request(), picked.op().readsBody()));
    }

    /** Counts how a request ended, planned at {@code planned} and sent at {@code sent}: now is when it ended. */
    private void answered(Picked picked, long planned, long sent, RunRecorder into, LoadHttpClient.Outcome outcome) {
        long done = clock.nanoTime();
        Operation op = picked.op();
        try {
            if (outcome.status() > 0) {
                op.onResponse(picked.request(), outcome.status(), outcome.body());
            } else {
                // a stop's cancel too: the server may have done it (created an order, say)
                op.onFailure(picked.request());
            }
        } catch (RuntimeException e) {
            // a surprising answer must not kill a sender; it still counts below
        }
        if ("cancelled".equals(outcome.errorKind()) || (stopping && outcome.status() == 0)) {
            into.abandoned();
            return;
        }
        into.completed(into.operations.get(op.name()), planned, sent, done, outcome.errorKind());
    }

    /** The HTTP client a scenario chooses: the plain transport for http unless asked otherwise, OkHttp for https. */
    static LoadHttpClient clientFor(LoadScenario.HttpClientChoice kind, boolean https, int connections, Duration timeout) {
        return kind == LoadScenario.HttpClientChoice.OKHTTP || https
                ? new OkHttpLoadClient(connections, timeout) : new PlainHttpClient(timeout);
    }

    // Load data //

    /** Parallel deletes of the load data: enough to be quick, few enough to leave the services room. */
    static final int DELETERS = 8;

    /** After the last request: deletes what the run created, unless the scenario keeps it. */
    private void cleanUp() throws InterruptedException {
        ServiceOperations ops = serviceOperations;
        if (ops == null) {
            return;
        }
        boolean keep = ((LoadScenario.Services) scenario.target()).keepData();
        LoadData created = ops.created(keep);
        if (keep || !created.wroteAnything()) {
            loadData = created;
            return;
        }
        synchronized (this) {
            // with the sampler's lock: no snapshot of the run still going comes after this one
            phase = Phase.CLEANING_UP;
            if (sampler != null) {
                publish(snapshot(Math.max(measureFromNanos, endNanos)));
            }
        }
        deleteWithOwnClient(ops);
    }

    /** What the run wrote into the services and whether it is still there; null for a run on one URL. */
    public LoadData loadData() {
        return loadData;
    }

    /**
     * Deletes the load data a finished run kept, on the calling thread; answers what is left of it.
     *
     * @throws IllegalStateException when the run is not over, or it ran on one URL
     */
    public LoadData deleteLoadData() throws InterruptedException {
        ServiceOperations ops = serviceOperations;
        if (!isDone() || ops == null) {
            throw new IllegalStateException(ops == null ? "this run wrote no load data" : "the run is still going");
        }
        return deleteWithOwnClient(ops);
    }

    /** With a client of its own: a stopped run's client refuses new requests (its calls were cancelled). */
    private LoadData deleteWithOwnClient(ServiceOperations ops) throws InterruptedException {
        try (LoadHttpClient client = transport.get()) {
            loadData = ops.deleteHeardAndFound(client, DELETERS);
            return loadData;
        }
    }

    // Sampling //

    private synchronized void tick() {
        try {
            long now = clock.nanoTime();
            if (endNanos != 0) {
                // the senders are done (load data may be being deleted): the figures stay those of the
                // run's end, whose last sample finish() takes; read before the end was set, now is before it
                publish(endNanos < measureFromNanos ? warmupSnapshot(endNanos) : snapshot(endNanos));
                return;
            }
            if (now < measureFromNanos) {
                warmupSampler.tick(now, startNanos, plannedBy(now), behindMs(now), false);
                publish(warmupSnapshot(now));
                return;
            }
            if (phase == Phase.WARMING_UP) {
                phase = Phase.RUNNING;
                // the machine's and the collector's figures are the measured run's, as its late sends
                cpuAtStart = clock.cpu();
            }
            double behind = behindMs(now);
            // the schedule can be behind before any late request has left: the maximum counts both
            recorder.maxLatenessNanos.accumulateAndGet((long) (behind * 1e6), Math::max);
            sampler.tick(now, measureFromNanos, plannedBy(now), behind, false);
            LoadSnapshot snapshot = snapshot(now);
            checkThresholds(snapshot);
            publish(snapshot);
        } catch (RuntimeException e) {
            // keep ticking: one bad sample must not stop the live view
        }
    }

    private double plannedRateAt(long now) {
        return schedule != null ? schedule.rateAt(now - startNanos) : 0;
    }

    /**
     * The rate planned over the last second (from {@code since} at the latest), as the achieved rate
     * shown beside it is measured: at a step both change over the same second.
     */
    private double plannedRateOverLastSecond(long now, long since) {
        long from = Math.max(since, now - 1_000_000_000L);
        return now - from < 50 * 1_000_000L ? plannedRateAt(now) : (plannedBy(now) - plannedBy(from)) * 1e9 / (now - from);
    }

    /** Requests the schedule planned from the run's start (its warm-up's included) until {@code now}. */
    private double plannedBy(long now) {
        return schedule != null ? schedule.plannedBy(now - startNanos) : 0;
    }

    /** How far in the past the next unsent request's due time is (0 when on schedule, and once stopping: none is due then). */
    private double behindMs(long now) {
        if (schedule == null || stopping) {
            return 0;
        }
        long next = nextTicket.get();
        if (next >= schedule.totalRequests()) {
            return 0;
        }
        long due = startNanos + schedule.dueNanos(next);
        return Math.max(0, (now - due) / 1e6);
    }

    private void checkThresholds(LoadSnapshot s) {
        if (stopping) {
            return;
        }
        for (Threshold t : scenario.thresholds()) {
            if (!t.checkedLive() || (t.needsSamples() && s.requests() < Threshold.MIN_SAMPLES)) {
                continue;
            }
            double actual = t.actual(s.totalCorrected(), s.requests(), s.errors(), s.late(), s.achievedRate());
            if (!t.passes(actual)) {
                stopBecause("threshold " + t.expression() + " crossed (" + ReportText.figure(actual) + ")", LoadReport.THRESHOLD_FAILED);
                return;
            }
        }
    }

    private LoadSnapshot snapshot(long now) {
        double elapsed = RunSampler.round((Math.max(now, measureFromNanos) - measureFromNanos) / 1e9);
        double planned = scenario.model().duration().toNanos() / 1e9;
        // a run that sent all it planned is done in full, though its last send came before the planned end
        double progress = phase == Phase.DONE && LoadReport.COMPLETED.equals(outcome) ? 1
                : Math.min(1, planned <= 0 ? 1 : elapsed / planned);
        List<LoadSnapshot.OperationCount> ops = recorder.operations.values().stream()
                .map(o -> new LoadSnapshot.OperationCount(o.name, o.count.sum(), o.errors.sum()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        return new LoadSnapshot(id, startedAt, stopping && phase == Phase.RUNNING ? Phase.STOPPING : phase,
                elapsed, planned, progress,
                RunSampler.round(plannedRateOverLastSecond(now, measureFromNanos)), sampler.windowRate(),
                recorder.requests.sum(), recorder.errors.sum(), recorder.late.sum(), recorder.lateForConnection.sum(),
                RunSampler.round(behindMs(now)), RunSampler.round(recorder.maxLatenessNanos.get() / 1e6),
                Math.max(0, recorder.inFlight.get()),
                sampler.windowCorrected(), sampler.windowUncorrected(), sampler.totalCorrected(), ops, stopReason,
                recorder.late.sum() > recorder.lateForConnection.sum() ? cpuSinceStart() : CpuUse.UNKNOWN);
    }

    private CpuUse cpuSinceStart() {
        CpuUse.Reading start = cpuAtStart;
        return start == null ? CpuUse.UNKNOWN : start.to(clock.cpu(), Runtime.getRuntime().availableProcessors());
    }

    private LoadSnapshot warmupSnapshot(long now) {
        double planned = scenario.model().duration().toNanos() / 1e9;
        // the warm-up's rate and latencies of the last second, for the live charts; the run's counts stay at zero
        return new LoadSnapshot(id, startedAt, stopping ? Phase.STOPPING : Phase.WARMING_UP,
                RunSampler.round((now - startNanos) / 1e9),
                planned, 0, RunSampler.round(plannedRateOverLastSecond(now, startNanos)), warmupSampler.windowRate(), 0, 0, 0, 0,
                RunSampler.round(behindMs(now)), 0, Math.max(0, warmupRecorder.inFlight.get()),
                warmupSampler.windowCorrected(), warmupSampler.windowUncorrected(), Percentiles.EMPTY, List.of(), stopReason,
                CpuUse.UNKNOWN);
    }

    private LoadSnapshot emptySnapshot() {
        double planned = scenario.model().duration().toNanos() / 1e9;
        return new LoadSnapshot(id, startedAt, phase, 0, planned, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Percentiles.EMPTY, Percentiles.EMPTY, Percentiles.EMPTY, List.of(), stopReason, CpuUse.UNKNOWN);
    }

    private void publish(LoadSnapshot snapshot) {
        latest = snapshot;
        for (Consumer<LoadSnapshot> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                // a listener's failure is its own
            }
        }
        publisher.offer(snapshot, (subscriber, dropped) -> false);
    }

    private void finish(ScheduledExecutorService ticker) throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        if (sampler == null) {
            phase = Phase.DONE;
            publish(emptySnapshot());
            CancellationException why = new CancellationException("stopped before the run started");
            publisher.closeExceptionally(why);
            completion.completeExceptionally(why);
            return;
        }
        long now = Math.max(measureFromNanos, endNanos == 0 ? clock.nanoTime() : endNanos);
        sampler.tick(now, measureFromNanos, plannedBy(now), behindMs(now), true);
        LoadReport report = RunReportBuilder.build(id, startedAt, scenario, recorder, sampler,
                Math.max(1e-3, (now - measureFromNanos) / 1e9), warmupUnsent.get(), outcome, stopReason, loadData,
                cpuSinceStart());
        stopReason = report.stopReason();
        phase = Phase.DONE;
        publish(snapshot(now));
        publisher.close();
        completion.complete(report);
    }

}
