package org.opsconsole.console.load.engine;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine's cores and this process were between two readings, and how often its
 * garbage collector stopped it: the figures that tell why sends left late when no connection was short. The machine's comes from the kernel's counters
 * ({@code /proc/stat} on Linux: every core's busy, idle and stolen time since boot), so nothing else
 * reading the load in between (a metrics scrape) moves it; elsewhere it is unknown.
 *
 * @param machineBusy the share of all cores' time that was busy, 0 to 1 (NaN when unknown)
 * @param stolen      the share taken by the hypervisor from this virtual machine, 0 to 1 (NaN when unknown)
 * @param cores       the machine's cores
 * @param processCores this process's CPU time over the time between, in cores (0.5: half of one)
 * @param gcPauses    the garbage collections that paused this process in between (-1 when unknown)
 * @param gcPauseMillis their time, in all (-1 when unknown)
 */
public record CpuUse(double machineBusy, double stolen, int cores, double processCores, long gcPauses, long gcPauseMillis) {

    /** Figures not read (yet), or where the kernel has none. */
    public static final CpuUse UNKNOWN = new CpuUse(Double.NaN, Double.NaN, 0, Double.NaN, -1, -1);

    /** At or past this share of its cores busy, a machine delays a thread that wakes to send. */
    static final double BUSY = 0.8;

    /** A reading of the counters, to subtract from a later one (the garbage collector's -1 where unknown). */
    public record Reading(long busyTicks, long stolenTicks, long totalTicks, long processNanos, long wallNanos,
                          long gcCount, long gcMillis) {

        /**
         * The kernel's counters now (busy and total ticks -1 where there are none), this process's CPU
         * time and its garbage collections so far.
         */
        public static Reading now() {
            long[] ticks = machineTicks();
            long[] gc = garbageCollections();
            return new Reading(ticks[0], ticks[1], ticks[2], processCpuNanos(), System.nanoTime(), gc[0], gc[1]);
        }

        /** What was used from this reading to {@code later}. */
        public CpuUse to(Reading later, int cores) {
            double wall = later.wallNanos - wallNanos;
            double processCores = wall > 0 && processNanos >= 0 && later.processNanos >= 0
                    ? (later.processNanos - processNanos) / wall : Double.NaN;
            boolean gcKnown = gcCount >= 0 && later.gcCount >= 0;
            long gcPauses = gcKnown ? later.gcCount - gcCount : -1;
            long gcPauseMillis = gcKnown ? later.gcMillis - gcMillis : -1;
            long total = later.totalTicks - totalTicks;
            if (totalTicks < 0 || later.totalTicks < 0 || total <= 0) {
                return new CpuUse(Double.NaN, Double.NaN, cores, processCores, gcPauses, gcPauseMillis);
            }
            return new CpuUse((double) (later.busyTicks - busyTicks) / total, (double) (later.stolenTicks - stolenTicks) / total,
                    cores, processCores, gcPauses, gcPauseMillis);
        }
    }

    boolean known() {
        return !Double.isNaN(machineBusy);
    }

    boolean busy() {
        return known() && machineBusy >= BUSY;
    }

    /**
     * At or past this share busy, a machine that also runs the server loaded delays the sender: the
     * server's threads hold both cores of two often enough that a sender waking to send waits for one
     * (a scheduler's time slice, a few ms, past the 2 ms that make a send late).
     */
    static final double SHARED_BUSY = 0.5;

    /** True when its cores were busy enough that a server on this machine and the sender took them from each other. */
    boolean sharedBusy() {
        return known() && machineBusy >= SHARED_BUSY;
    }

    /** "its 2 cores were 94% busy (3% stolen by the hypervisor), this run's process used 48% of one core". */
    String figures() {
        String stolenPart = stolen >= 0.01 ? String.format(Locale.ROOT, " (%.0f%% of it stolen by the hypervisor)", 100 * stolen) : "";
        String process = Double.isNaN(processCores) ? ""
                : String.format(Locale.ROOT, ", this run's process used %.0f%% of one core", 100 * processCores);
        return String.format(Locale.ROOT, "its %d core%s %s %.0f%% busy%s%s", cores, cores == 1 ? "" : "s",
                cores == 1 ? "was" : "were", 100 * machineBusy, stolenPart, process);
    }

    /** {busy, stolen, total} ticks of all cores from the first line of /proc/stat; -1s where there is none. */
    static long[] machineTicks() {
        try {
            return parseProcStat(Files.readAllLines(Path.of("/proc/stat")).getFirst());
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1, -1};
        }
    }

    /** "cpu user nice system idle iowait irq softirq steal guest guest_nice": guest time is inside user time. */
    static long[] parseProcStat(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 5) {
            return new long[] {-1, -1, -1};
        }
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        long stolen = f.length > 8 ? Long.parseLong(f[8]) : 0;
        return new long[] {total - idle, stolen, total};
    }

    /**
     * The garbage collections that paused this process so far and their time; {-1, -1} when a
     * collector doesn't count. The collectors' work that runs beside the application (G1's
     * "G1 Concurrent GC", ZGC's and Shenandoah's "Cycles") stops no sender and is left out.
     */
    static long[] garbageCollections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Concurrent") || gc.getName().endsWith("Cycles")) {
                continue;
            }
            if (gc.getCollectionCount() < 0 || gc.getCollectionTime() < 0) {
                return new long[] {-1, -1};
            }
            count += gc.getCollectionCount();
            millis += gc.getCollectionTime();
        }
        return new long[] {count, millis};
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
