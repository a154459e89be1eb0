package org.opsconsole.service.kit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The JVM's thread meters, under the names and tags of Micrometer's {@code JvmThreadMetrics}, with
 * the threads counted by state once per scrape. Micrometer's binder reads the state of every thread
 * once for each of the six state gauges.
 */
final class ThreadMeters implements MeterBinder {

    /** Longer than one scrape's evaluation of the six gauges, far shorter than the time between scrapes. */
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Thread.State[] STATES = Thread.State.values();

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile StateCounts last;

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "jvm.threads.peak", ThreadMXBean::getPeakThreadCount,
                "The peak live thread count since the Java virtual machine started or peak was reset");
        gauge(registry, "jvm.threads.daemon", ThreadMXBean::getDaemonThreadCount,
                "The current number of live daemon threads");
        gauge(registry, "jvm.threads.live", ThreadMXBean::getThreadCount,
                "The current number of live threads including both daemon and non-daemon threads");
        FunctionCounter.builder("jvm.threads.started", threads, ThreadMXBean::getTotalStartedThreadCount)
                .description("The total number of application threads started in the JVM")
                .baseUnit(BaseUnits.THREADS).register(registry);
        for (Thread.State state : STATES) {
            // held strongly: a gauge keeps its object weakly, and nothing else keeps this one
            Gauge.builder("jvm.threads.states", this, meters -> meters.count(state))
                    .strongReference(true)
                    .tag("state", state.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .description("The current number of threads")
                    .baseUnit(BaseUnits.THREADS).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, ToDoubleFunction<ThreadMXBean> value, String description) {
        Gauge.builder(name, threads, value).description(description).baseUnit(BaseUnits.THREADS).register(registry);
    }

    /** The number of live threads in {@code state}, from one reading of all threads shared by the gauges. */
    int count(Thread.State state) {
        long now = System.nanoTime();
        StateCounts counts = last;
        if (counts == null || now - counts.takenAt() > FRESH_NANOS) {
            int[] byState = new int[STATES.length];
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    byState[info.getThreadState().ordinal()]++;
                }
            }
            counts = new StateCounts(now, byState);
            last = counts;
        }
        return counts.byState()[state.ordinal()];
    }

    private record StateCounts(long takenAt, int[] byState) {
    }
}
