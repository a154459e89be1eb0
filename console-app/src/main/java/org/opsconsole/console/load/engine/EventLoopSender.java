package org.opsconsole.console.load.engine;

import okhttp3.HttpUrl;
import okhttp3.Request;
import org.opsconsole.console.load.transport.LoadHttpClient;
import org.opsconsole.console.load.transport.ResponseParser;
import org.opsconsole.console.load.transport.SocketLoadClient;
import org.opsconsole.console.load.workload.Operation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model over plain http, the cheap way (wrk's way): one thread drives many non-blocking
 * connections with a selector, instead of one blocked thread per connection, so a request costs a
 * write, a read and a share of one wait, not two thread switches. The schedule is the same shared
 * ticket sequence the threaded workers use; a loop holds at most one ticket it can't send yet.
 *
 * <p>Timing: the selector waits in whole milliseconds, so below a millisecond to the next send the
 * loop polls and, while answers are awaited, parks for at most {@value #FINE_PARK_NANOS} ns at a
 * time: an answer that arrives during such a park is timestamped up to that much late.
 */
public final class EventLoopSender implements Runnable {

    static final long FINE_PARK_NANOS = 50_000;
    private static final long TIMEOUT_CHECK_NANOS = 10_000_000;

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

        long timeoutNanos();
    }

    private final Run run;
    private final int limit;
    private final Selector selector;
    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();
    private final List<Connection> busy = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] readBytes = new byte[64 * 1024];
    private Request lastRequest;
    private byte[] lastBytes;
    private long pendingTicket = -1;
    private long pendingDue;
    private boolean pendingWaited;
    private boolean exhausted;
    private long nextTimeoutCheck;

    EventLoopSender(Run run, int limit) throws IOException {
        this.run = run;
        this.limit = limit;
        this.selector = Selector.open();
    }

    /** One connection and the request on it. */
    private final class Connection {
        final String key;
        final SocketChannel channel;
        final SelectionKey selectionKey;
        final ResponseParser parser = new ResponseParser();
        boolean connected;
        boolean reused;
        ByteBuffer out;
        // the request in flight
        LoadRun.Picked picked;
        long due;
        long sent;
        RunRecorder recorder;
        boolean retried;

        Connection(String key, HttpUrl url) throws IOException {
            this.key = key;
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.socket().setTcpNoDelay(true);
            connected = channel.connect(new InetSocketAddress(url.host(), url.port()));
            selectionKey = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, this);
        }

        void close() {
            selectionKey.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (IOException | RuntimeException e) {
            // the selector itself failed: what is in flight can't finish
            for (Connection c : List.copyOf(busy)) {
                fail(c, "io " + e.getClass().getSimpleName());
            }
        } finally {
            for (Connection c : busy) {
                if (c.recorder != null) {
                    c.recorder.abandoned();
                }
                c.close();
            }
            busy.clear();
            idle.values().forEach(q -> q.forEach(Connection::close));
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void loop() throws IOException {
        while (!run.stopping()) {
            long now = System.nanoTime();
            while (busy.size() < limit && !exhausted) {
                if (pendingTicket < 0) {
                    long ticket = run.nextTicket();
                    if (ticket < 0) {
                        exhausted = true;
                        break;
                    }
                    pendingTicket = ticket;
                    pendingDue = run.due(ticket);
                    // taken after it was due: every connection of this loop was busy until now
                    pendingWaited = pendingDue < now;
                }
                if (pendingDue > now) {
                    break;
                }
                send(pendingTicket, pendingDue, pendingWaited);
                pendingTicket = -1;
                now = System.nanoTime();
            }
            if (pendingTicket >= 0 && busy.size() >= limit && pendingDue <= now) {
                pendingWaited = true;
            }
            if (exhausted && busy.isEmpty()) {
                return;
            }
            if (now >= nextTimeoutCheck) {
                checkTimeouts(now);
                nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
            }
            long wait = nextTimeoutCheck - now;
            if (pendingTicket >= 0 && busy.size() < limit) {
                wait = Math.min(wait, pendingDue - now);
            }
            int ready;
            if (wait <= 0) {
                ready = selector.selectNow();
            } else if (wait >= 1_000_000) {
                ready = selector.select(wait / 1_000_000);
            } else {
                ready = selector.selectNow();
                if (ready == 0) {
                    // nothing in flight: no answer can be timestamped late, so sleep the whole gap
                    LockSupport.parkNanos(busy.isEmpty() ? wait : Math.min(wait, FINE_PARK_NANOS));
                    continue;
                }
            }
            if (ready > 0) {
                handleReady();
            }
        }
    }

    private void handleReady() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Connection c = (Connection) key.attachment();
            if (!key.isValid() || c.picked == null) {
                continue;
            }
            try {
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    c.connected = true;
                    key.interestOps(SelectionKey.OP_READ);
                    write(c);
                } else {
                    if (key.isWritable()) {
                        write(c);
                    }
                    if (key.isReadable()) {
                        read(c);
                    }
                }
            } catch (IOException e) {
                failed(c, e);
            }
        }
    }

    private void send(long ticket, long due, boolean waitedForConnection) {
        LoadRun.Picked picked = run.pick(ticket);
        if (picked == null) {
            run.recorder().skipped.increment();
            return;
        }
        Request request = picked.request();
        HttpUrl url = request.url();
        String key = url.host() + ":" + url.port();
        long sent = System.nanoTime();
        RunRecorder recorder = run.recorderFor(due);
        recorder.sending(sent - due, waitedForConnection);
        Connection c = null;
        try {
            ArrayDeque<Connection> free = idle.get(key);
            c = free == null ? null : free.pollFirst();
            if (c == null) {
                c = new Connection(key, url);
            }
            c.picked = picked;
            c.due = due;
            c.sent = sent;
            c.recorder = recorder;
            c.retried = false;
            c.parser.reset(request.method().equals("HEAD"));
            c.out = ByteBuffer.wrap(bytesOf(request));
            busy.add(c);
            if (c.connected) {
                c.selectionKey.interestOps(SelectionKey.OP_READ);
                write(c);
            }
        } catch (IOException e) {
            if (c == null || !busy.contains(c)) {
                // could not even open a connection
                finish(picked, due, sent, recorder, 0, LoadHttpClient.kindOf(e, run.stopping()), null);
                if (c != null) {
                    c.close();
                }
            } else {
                failed(c, e);
            }
        }
    }

    private byte[] bytesOf(Request request) throws IOException {
        if (request != lastRequest) {
            lastBytes = SocketLoadClient.encode(request);
            lastRequest = request;
        }
        return lastBytes;
    }

    private void write(Connection c) throws IOException {
        c.channel.write(c.out);
        if (c.out.hasRemaining()) {
            c.selectionKey.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            c.selectionKey.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(Connection c) throws IOException {
        while (true) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                if (c.parser.endOfStream()) {
                    complete(c);
                } else if (!c.parser.hasStarted()) {
                    throw new java.io.EOFException("unexpected end of stream");
                } else {
                    throw new java.io.EOFException("connection closed in the middle of an answer");
                }
                return;
            }
            if (n == 0) {
                return;
            }
            readBuffer.flip();
            readBuffer.get(readBytes, 0, n);
            if (c.parser.feed(readBytes, 0, n)) {
                complete(c);
                return;
            }
        }
    }

    private void complete(Connection c) {
        busy.remove(c);
        LoadRun.Picked picked = c.picked;
        c.picked = null;
        int status = c.parser.status();
        byte[] body = picked.op().readsBody() ? c.parser.body() : null;
        if (c.parser.closeAfter()) {
            c.close();
        } else {
            c.reused = true;
            c.selectionKey.interestOps(0);
            idle.computeIfAbsent(c.key, k -> new ArrayDeque<>()).addFirst(c);
        }
        finish(picked, c.due, c.sent, c.recorder, status, status >= 400 ? "http " + status : null, body);
    }

    /** A failed exchange: resent once when a kept-alive connection turns out closed before any answer. */
    private void failed(Connection c, IOException e) {
        boolean stale = c.reused && !c.retried && !c.parser.hasStarted() && !(e instanceof java.net.SocketTimeoutException)
                && !run.stopping();
        busy.remove(c);
        c.close();
        if (stale && c.picked != null) {
            LoadRun.Picked picked = c.picked;
            try {
                Connection fresh = new Connection(c.key, picked.request().url());
                fresh.picked = picked;
                fresh.due = c.due;
                fresh.sent = c.sent;
                fresh.recorder = c.recorder;
                fresh.retried = true;
                fresh.parser.reset(picked.request().method().equals("HEAD"));
                fresh.out = ByteBuffer.wrap(bytesOf(picked.request()));
                busy.add(fresh);
                if (fresh.connected) {
                    fresh.selectionKey.interestOps(SelectionKey.OP_READ);
                    write(fresh);
                }
                return;
            } catch (IOException again) {
                e = again;
            }
        }
        fail(c, LoadHttpClient.kindOf(e, run.stopping()));
    }

    private void fail(Connection c, String kind) {
        busy.remove(c);
        c.close();
        LoadRun.Picked picked = c.picked;
        c.picked = null;
        if (picked != null) {
            finish(picked, c.due, c.sent, c.recorder, 0, kind, null);
        }
    }

    private void checkTimeouts(long now) {
        long timeout = run.timeoutNanos();
        for (Connection c : List.copyOf(busy)) {
            if (now - c.sent > timeout) {
                fail(c, "timeout");
            }
        }
    }

    private void finish(LoadRun.Picked picked, long due, long sent, RunRecorder recorder, int status, String errorKind,
                        byte[] body) {
        long done = System.nanoTime();
        Operation op = picked.op();
        try {
            if (status > 0) {
                op.onResponse(picked.request(), status, body == null ? new byte[0] : body);
            } else {
                op.onFailure(picked.request());
            }
        } catch (RuntimeException e) {
            // a surprising answer must not stop the loop; it still counts below
        }
        if ("cancelled".equals(errorKind) || (run.stopping() && status == 0)) {
            recorder.abandoned();
            return;
        }
        recorder.completed(recorder.operations.get(op.name()), due, sent, done, errorKind);
    }
}
