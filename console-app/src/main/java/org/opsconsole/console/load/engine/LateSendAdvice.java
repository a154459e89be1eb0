package org.opsconsole.console.load.engine;

import java.util.Locale;

/** What to do about late sends, in figures, for the report, the command's live line and the Load screen. */
public final class LateSendAdvice {

    /** When connections were free and sends still left late: the sending machine is the cause. */
    public static final String BUSY_MACHINE = "close other programs, run the load from another machine, or lower the rate";

    private LateSendAdvice() {
    }

    /** When the server runs on the sending machine and its cores were busy: the two took them from each other. */
    public static final String SHARED_MACHINE = "the server runs on this machine too, and the load and the server took its "
            + "cores from each other; run the load from another machine, or lower the rate";

    /**
     * Why sends left late while connections were free, with the machine's figures: its cores busy
     * (then the sender waited for a core: {@link #BUSY_MACHINE}; when {@code serverHere},
     * {@link #SHARED_MACHINE} from half of them busy: {@link CpuUse#SHARED_BUSY}), or with room to spare (then this process was stopped: by its garbage
     * collector, counted, or by the system or its hypervisor).
     *
     * @param serverHere true when the server loaded runs on this machine
     */
    public static String machine(CpuUse use, boolean serverHere) {
        if (!use.known()) {
            return "the machine was too busy to send on time (CPU, pauses); " + BUSY_MACHINE;
        }
        if (serverHere && use.sharedBusy()) {
            return "the machine was too busy to send on time: " + use.figures() + "; " + SHARED_MACHINE;
        }
        if (use.busy() || use.stolen() >= 0.05) {
            return "the machine was too busy to send on time: " + use.figures() + "; " + BUSY_MACHINE;
        }
        String room = "the machine had room (" + use.figures() + ")";
        if (use.gcPauses() == 0) {
            return room + " and no garbage collection paused this process, so the system or its hypervisor held "
                    + "it: run the load from another machine, or on one with cores to itself";
        }
        if (use.gcPauses() > 0) {
            String average = use.gcPauses() == 1 ? ""
                    : " (" + ms((double) use.gcPauseMillis() / use.gcPauses()) + " ms on average)";
            return room + String.format(Locale.ROOT, ", so the sender was stopped rather than crowded out: the garbage "
                    + "collector paused this process %d time%s, %,d ms in all%s, and the system or its hypervisor can "
                    + "hold it too; run with -Xlog:gc to see each pause, or run the load from another machine",
                    use.gcPauses(), use.gcPauses() == 1 ? "" : "s", use.gcPauseMillis(), average);
        }
        return room + ", so the sender was stopped rather than crowded out: "
                + "a GC pause, or the system or its hypervisor holding this process; run with -Xlog:gc to see the "
                + "pauses, or run the load from another machine";
    }

    /**
     * When every connection was busy: each request holds one for the server's time to answer, so
     * N connections carry at most N / that time a second (Little's law). When they carry the rate
     * asked with room to spare, they were all busy only while the server was slow, and the advice says so; otherwise
     * it says how many would carry the rate asked, and when the server, not the connections, is the limit.
     *
     * @param serverMs    the server's mean time to answer (uncorrected latency), ms
     * @param serverMaxMs the server's slowest answer, ms
     * @param targetRate  the rate asked; 0 when there is none (closed model)
     * @param option      how the user sets the connections: "--connections", or "the connections"
     * @param use         the machine's figures over the run; when its cores were busy ({@link CpuUse#SHARED_BUSY})
     *                    and {@code serverHere} (the server runs on this machine), the server was slow because the
     *                    two shared them; from {@link CpuUse#BUSY} it asks for no more connections, which would
     *                    only wait for the same cores
     */
    public static String connections(int connections, double serverMs, double serverMaxMs, double targetRate, String option,
                                     CpuUse use, boolean serverHere) {
        if (!(serverMs > 0)) {
            return "raise " + option + " (or lower the rate)";
        }
        double carried = connections * 1000.0 / serverMs;
        String figures = String.format(Locale.ROOT, "at the server's %s ms a request, %d connection%s carr%s at most %,.0f/s",
                ms(serverMs), connections, connections == 1 ? "" : "s", connections == 1 ? "ies" : "y", carried);
        if (targetRate <= 0) {
            return figures + "; raise " + option + " if the server has room, or lower the rate";
        }
        long needed = (long) Math.ceil(targetRate * serverMs / 1000.0 * HEADROOM);
        if (needed <= connections) {
            String enough = figures + String.format(Locale.ROOT, " against %,.0f/s asked, so they were enough on average: the "
                    + "server was slow at times (its slowest answer took %s ms)", targetRate, ms(serverMaxMs));
            return serverHere && use.sharedBusy()
                    ? enough + "; the machine: " + use.figures() + "; " + SHARED_MACHINE
                    : enough + "; look at the server (CPU, GC pauses, disk, locks), more connections would only hide it";
        }
        String asked = figures + String.format(Locale.ROOT, " against %,.0f/s asked", targetRate);
        if (serverHere && use.busy()) {
            // the server's time a request is long because it waited for a core: more requests in
            // flight wait for the same cores (measured: 128 connections instead of 64 carried 40 % less)
            return asked + ", but more connections would not help: the machine: " + use.figures()
                    + ", so the server answered slowly for want of a core; " + SHARED_MACHINE;
        }
        return asked + String.format(Locale.ROOT, "; raise %s to about %d if the server has room, "
                + "or lower the rate (if its latency rises with the load, the server is the limit)", option, needed);
    }

    /**
     * Why the late sends that found a connection free left late, after {@link #connections} explained
     * the others: the machine's figures, unless that advice already blamed this machine's shared cores
     * (then once is enough).
     */
    public static String others(String connectionsAdvice, CpuUse use, boolean serverHere) {
        return connectionsAdvice.contains(SHARED_MACHINE)
                ? "the sender waited for the same busy cores"
                : machine(use, serverHere);
    }

    /** Connections for the rate asked at the server's mean time, with this much to spare for its ups and downs. */
    private static final double HEADROOM = 1.2;

    private static String ms(double ms) {
        return String.format(Locale.ROOT, ms >= 10 ? "%.0f" : ms >= 1 ? "%.1f" : "%.2f", ms);
    }
}
