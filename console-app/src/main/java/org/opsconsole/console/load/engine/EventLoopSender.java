package org.opsconsole.console.load.engine;

import org.opsconsole.console.load.transport.HttpConnections;
import org.opsconsole.console.load.transport.LoadHttpClient.Outcome;

import java.io.IOException;
import java.time.Duration;

/**
 * The open model over plain http, the cheap way (wrk's way): one thread keeps the schedule and drives
 * its share of the connections through {@link HttpConnections}, instead of one blocked thread per
 * connection. The schedule is the run's shared ticket sequence; a loop holds at most one ticket it
 * can't send yet, and sleeps in the transport's {@link HttpConnections#poll} until that ticket is due or
 * an answer comes.
 *
 * <p>Why a send was late: when it was taken after its due time and this loop had every connection busy
 * at or after that time, it waited for a connection; otherwise the loop itself ran late (the machine
 * was busy, or the process paused).
 */
final class EventLoopSender implements Runnable {

    /** The longest a loop sleeps without looking at whether the run was stopped. */
    private static final long STOP_CHECK_NANOS = 10_000_000;

    /** What a loop needs from its run. */
    interface Run {
        boolean stopping();

        /** The next ticket, or -1 when the plan is exhausted. */
        long nextTicket();

        /** When a ticket is due (absolute nanoTime). */
        long due(long ticket);

        /** Where a request planned at this time is counted: the warm-up's figures or the run's. */
        RunRecorder recorderFor(long planned);

        /** The operation and request for a ticket, or null when no operation has anything to do. */
        LoadRun.Picked pick(long ticket);

        RunRecorder recorder();

        /** Counts an answer (or a failure) of a request sent at {@code sent}, planned at {@code due}. */
        void answered(LoadRun.Picked picked, long due, long sent, RunRecorder recorder, Outcome outcome);

        Duration timeout();
    }

    private final Run run;
    private final int limit;
    private long pendingTicket = -1;
    private long pendingDue;
    private boolean exhausted;
    // the last time every connection of this loop was known busy
    private long lastSaturated = Long.MIN_VALUE;

    EventLoopSender(Run run, int limit) {
        this.run = run;
        this.limit = limit;
    }

    @Override
    public void run() {
        try (HttpConnections connections = new HttpConnections(run.timeout())) {
            loop(connections);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("can't open a selector", e);
        }
    }

    private void loop(HttpConnections connections) {
        while (!run.stopping()) {
            long now = System.nanoTime();
            while (connections.inFlight() < limit && !exhausted) {
                if (pendingTicket < 0) {
                    long ticket = run.nextTicket();
                    if (ticket < 0) {
                        exhausted = true;
                        break;
                    }
                    pendingTicket = ticket;
                    pendingDue = run.due(ticket);
                }
                if (pendingDue > now) {
                    break;
                }
                // past due when taken: it waited for a connection if they were all busy since it was due
                send(connections, pendingTicket, pendingDue, pendingDue < now && lastSaturated >= pendingDue);
                pendingTicket = -1;
                now = System.nanoTime();
            }
            if (exhausted && connections.inFlight() == 0) {
                return;
            }
            long wait = STOP_CHECK_NANOS;
            if (pendingTicket >= 0 && connections.inFlight() < limit) {
                wait = Math.min(wait, pendingDue - now);
            }
            boolean saturated = connections.inFlight() >= limit;
            connections.poll(Math.max(0, wait));
            if (saturated) {
                // every connection stayed busy until the answer that freed one was read, in this poll: a
                // ticket that came due meanwhile waited for a connection (noted when the poll began, a
                // stall shorter than one poll went down as the machine's: at 20,000/s on the bundled
                // service 30 % of the late sends were put down to connections, 90 % since)
                lastSaturated = System.nanoTime();
            }
        }
    }

    private void send(HttpConnections connections, long ticket, long due, boolean waitedForConnection) {
        LoadRun.Picked picked = run.pick(ticket);
        if (picked == null) {
            run.recorder().skipped.increment();
            return;
        }
        long sent = System.nanoTime();
        RunRecorder recorder = run.recorderFor(due);
        recorder.sending(sent - due, waitedForConnection);
        connections.send(picked.request(), picked.op().readsBody(), outcome -> run.answered(picked, due, sent, recorder, outcome));
    }
}
