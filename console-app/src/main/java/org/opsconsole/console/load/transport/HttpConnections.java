package org.opsconsole.console.load.transport;

import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.opsconsole.console.load.transport.LoadHttpClient.Outcome;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's one plain-HTTP transport: HTTP/1.1 over non-blocking sockets, driven by the one thread
 * that owns it (wrk's way). {@link #send} writes a request now, on a kept-alive idle connection to its
 * host or a new one; {@link #poll} waits for answers and hands each to its callback, on the owner's
 * thread, the moment its last byte is read. One thread thus drives many connections: a request costs a
 * write, a read and a share of one wait, not two thread switches. No TLS (OkHttp does https), no
 * redirects, no retries but one: a request that finds its kept-alive connection closed before any
 * answer came is resent once on a new one (it never reached the server). Idle kept-alive connections
 * stay watched for reading: one the server closes while idle is dropped at the next {@link #poll}.
 *
 * <p>Timing: a selector waits in whole milliseconds, so below a millisecond {@link #poll} checks the
 * sockets and, while answers are awaited, parks for at most {@value #FINE_PARK_NANOS} ns at a time:
 * an answer that arrives during such a park is timestamped up to that much late.
 *
 * <p>Not thread-safe, except {@link #cancel()}: everything else is called by the owner.
 */
public final class HttpConnections implements AutoCloseable {

    static final long FINE_PARK_NANOS = 50_000;
    private static final long TIMEOUT_CHECK_NANOS = 10_000_000;
    // exchanges are checked against the timeout every 10 ms, or a tenth of a shorter timeout
    private final long timeoutCheckNanos;
    private static final byte[] NO_BODY = new byte[0];

    private final long timeoutNanos;
    private final Selector selector;
    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();
    private final List<Connection> busy = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final byte[] readBytes = new byte[64 * 1024];
    private Request lastRequest;
    private byte[] lastBytes;
    private long nextTimeoutCheck;
    private volatile boolean cancelled;

    public HttpConnections(Duration timeout) throws IOException {
        this.timeoutNanos = Math.max(1, timeout.toNanos());
        this.timeoutCheckNanos = Math.max(1, Math.min(TIMEOUT_CHECK_NANOS, timeoutNanos / 10));
        this.selector = Selector.open();
        this.nextTimeoutCheck = System.nanoTime();
    }

    /** One connection and the exchange on it. */
    private final class Connection {
        final String key;
        final SocketChannel channel;
        final SelectionKey selectionKey;
        final ResponseParser parser = new ResponseParser();
        boolean connected;
        boolean reused;
        boolean retried;
        ByteBuffer out;
        // the exchange in flight
        Request request;
        boolean readBody;
        Consumer<Outcome> answer;
        long sent;

        Connection(String key, HttpUrl url) throws IOException {
            this.key = key;
            channel = SocketChannel.open();
            try {
                channel.configureBlocking(false);
                channel.socket().setTcpNoDelay(true);
                InetSocketAddress address = new InetSocketAddress(url.host(), url.port());
                if (address.isUnresolved()) {
                    throw new java.net.UnknownHostException(url.host());
                }
                connected = channel.connect(address);
                selectionKey = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, this);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        void start(Request request, boolean readBody, Consumer<Outcome> answer, long sent) throws IOException {
            this.request = request;
            this.readBody = readBody;
            this.answer = answer;
            this.sent = sent;
            parser.reset(request.method().equals("HEAD"));
            out = ByteBuffer.wrap(bytesOf(request));
            busy.add(this);
            if (connected) {
                write(this);
            }
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

    /** Requests awaiting their answer. */
    public int inFlight() {
        return busy.size();
    }

    /**
     * Sends {@code request} now; {@code answer} gets its outcome later from {@link #poll}, or at once
     * when no connection can be opened. Never throws for what the network or the server does.
     */
    public void send(Request request, boolean readBody, Consumer<Outcome> answer) {
        HttpUrl url = request.url();
        if (url.isHttps()) {
            answer.accept(new Outcome(0, "https needs the okhttp client", NO_BODY));
            return;
        }
        if (cancelled) {
            answer.accept(new Outcome(0, "cancelled", NO_BODY));
            return;
        }
        String key = url.host() + ":" + url.port();
        ArrayDeque<Connection> free = idle.get(key);
        Connection c = free == null ? null : free.pollFirst();
        try {
            if (c == null) {
                c = new Connection(key, url);
            }
            c.retried = false;
            c.start(request, readBody, answer, System.nanoTime());
        } catch (IOException e) {
            if (c != null && busy.contains(c)) {
                failed(c, e);
            } else {
                if (c != null) {
                    c.close();
                }
                answer.accept(new Outcome(0, LoadHttpClient.kindOf(e, cancelled), NO_BODY));
            }
        }
    }

    /**
     * Waits up to {@code maxWaitNanos} (0: only looks) for answers and completes those that came,
     * calling their callbacks on this thread; fails exchanges older than the timeout.
     */
    public void poll(long maxWaitNanos) {
        if (cancelled) {
            failAll("cancelled");
            return;
        }
        long now = System.nanoTime();
        if (now - nextTimeoutCheck >= 0) {
            nextTimeoutCheck = now + timeoutCheckNanos;
            if (checkTimeouts(now)) {
                // an exchange ended: its owner may have something to do now
                maxWaitNanos = 0;
            }
        }
        long wait = busy.isEmpty() ? maxWaitNanos : Math.min(maxWaitNanos, nextTimeoutCheck - now);
        try {
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
                    return;
                }
            }
            if (ready > 0) {
                handleReady();
            }
        } catch (IOException e) {
            // the selector itself failed: nothing in flight can finish
            failAll("io " + e.getClass().getSimpleName());
        }
    }

    /** From any thread: what is in flight fails as "cancelled" at the owner's next poll, and new sends are refused. */
    public void cancel() {
        cancelled = true;
        selector.wakeup();
    }

    /** Fails what is still in flight as "cancelled" and closes every connection. */
    @Override
    public void close() {
        failAll("cancelled");
        idle.values().forEach(q -> q.forEach(Connection::close));
        idle.clear();
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void handleReady() {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Connection c = (Connection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            if (c.answer == null) {
                // an idle kept-alive connection is readable only when the server closed it (or broke
                // the protocol): it is dropped now, not found closed by the next request sent on it
                dropIdle(c);
                continue;
            }
            try {
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    c.connected = true;
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

    private void write(Connection c) throws IOException {
        c.channel.write(c.out);
        c.selectionKey.interestOps(c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Connection c) throws IOException {
        while (true) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                if (c.parser.endOfStream()) {
                    complete(c);
                    return;
                }
                throw new EOFException(c.parser.hasStarted() ? "connection closed in the middle of an answer"
                        : "unexpected end of stream");
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
        Consumer<Outcome> answer = c.answer;
        int status = c.parser.status();
        byte[] body = c.readBody ? c.parser.body() : NO_BODY;
        c.answer = null;
        c.request = null;
        if (c.parser.closeAfter()) {
            c.close();
        } else {
            c.reused = true;
            // still watched for reading while idle, to see the server close it; and a request sent on
            // it later changes no interest, so costs no system call to say so
            c.selectionKey.interestOps(SelectionKey.OP_READ);
            idle.computeIfAbsent(c.key, k -> new ArrayDeque<>()).addFirst(c);
        }
        answer.accept(new Outcome(status, status >= 400 ? "http " + status : null, body));
    }

    private void dropIdle(Connection c) {
        ArrayDeque<Connection> free = idle.get(c.key);
        if (free != null) {
            free.remove(c);
        }
        c.close();
    }

    /** Kept-alive connections waiting for a request, to every host. */
    public int idleConnections() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /** A failed exchange: resent once when a kept-alive connection turns out closed before any answer. */
    private void failed(Connection c, IOException e) {
        boolean stale = c.reused && !c.retried && !c.parser.hasStarted() && !cancelled;
        busy.remove(c);
        c.close();
        if (stale && c.answer != null) {
            Connection fresh = null;
            try {
                fresh = new Connection(c.key, c.request.url());
                fresh.retried = true;
                fresh.start(c.request, c.readBody, c.answer, c.sent);
                return;
            } catch (IOException again) {
                if (fresh != null) {
                    busy.remove(fresh);
                    fresh.answer = null;
                    fresh.close();
                }
                e = again;
            }
        }
        fail(c, LoadHttpClient.kindOf(e, cancelled));
    }

    private void fail(Connection c, String kind) {
        busy.remove(c);
        c.close();
        Consumer<Outcome> answer = c.answer;
        c.answer = null;
        if (answer != null) {
            answer.accept(new Outcome(0, kind, NO_BODY));
        }
    }

    private void failAll(String kind) {
        for (Connection c : List.copyOf(busy)) {
            fail(c, kind);
        }
    }

    /** Fails the exchanges older than the timeout; true if there were any. */
    private boolean checkTimeouts(long now) {
        boolean any = false;
        for (Connection c : List.copyOf(busy)) {
            if (now - c.sent > timeoutNanos) {
                fail(c, "timeout");
                any = true;
            }
        }
        return any;
    }

    /** The request's bytes; the same {@link Request} object (a plain URL run) is encoded once. */
    private byte[] bytesOf(Request request) throws IOException {
        if (request != lastRequest) {
            lastBytes = encode(request);
            lastRequest = request;
        }
        return lastBytes;
    }

    /** The request as HTTP/1.1 bytes: request line, headers (Host, Accept, User-Agent, Content-*), body. */
    static byte[] encode(Request request) throws IOException {
        HttpUrl url = request.url();
        StringBuilder head = new StringBuilder(256);
        head.append(request.method()).append(' ').append(url.encodedPath());
        if (url.encodedQuery() != null) {
            head.append('?').append(url.encodedQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(url.host());
        if (url.port() != HttpUrl.defaultPort(url.scheme())) {
            head.append(':').append(url.port());
        }
        head.append("\r\n");
        boolean hasAccept = false;
        boolean hasAgent = false;
        for (int i = 0; i < request.headers().size(); i++) {
            String name = request.headers().name(i);
            hasAccept |= name.equalsIgnoreCase("Accept");
            hasAgent |= name.equalsIgnoreCase("User-Agent");
            head.append(name).append(": ").append(request.headers().value(i)).append("\r\n");
        }
        if (!hasAccept) {
            head.append("Accept: */*\r\n");
        }
        if (!hasAgent) {
            head.append("User-Agent: opsconsole-load\r\n");
        }
        RequestBody body = request.body();
        Buffer content = new Buffer();
        if (body != null) {
            body.writeTo(content);
            if (body.contentType() != null && request.header("Content-Type") == null) {
                head.append("Content-Type: ").append(body.contentType()).append("\r\n");
            }
            head.append("Content-Length: ").append(content.size()).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[headBytes.length + (int) content.size()];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        content.read(out, headBytes.length, (int) content.size());
        return out;
    }
}
