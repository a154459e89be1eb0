package org.opsconsole.console.load.transport;

import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal HTTP/1.1 client for load: each worker thread keeps one kept-alive plain socket per
 * host, writes the request in one go and reads the answer with its own buffer (Content-Length,
 * chunked, or until close). No TLS, no redirects, no retries beyond resending once on a kept-alive
 * connection the server had already closed (the request never reached it). Several times cheaper per
 * request than OkHttp, which matters when the engine and the server share the CPU.
 */
public final class SocketLoadClient implements LoadHttpClient {

    private static final byte[] NO_BODY = new byte[0];

    private final int timeoutMillis;
    private final ThreadLocal<Map<String, Connection>> perThread = ThreadLocal.withInitial(HashMap::new);
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    public SocketLoadClient(Duration timeout) {
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    @Override
    public Outcome send(Request request, boolean readBody) {
        HttpUrl url = request.url();
        if (url.isHttps()) {
            return new Outcome(0, "https needs the okhttp client", NO_BODY);
        }
        Map<String, Connection> mine = perThread.get();
        String key = url.host() + ":" + url.port();
        Connection connection = mine.get(key);
        try {
            byte[] bytes = encode(request, connection);
            boolean reused = connection != null;
            if (connection == null) {
                connection = connect(url, key, mine);
            }
            try {
                return exchange(connection, request, bytes, readBody);
            } catch (StaleConnectionException e) {
                if (!reused || closing) {
                    throw e.io;
                }
                connection.close();
                mine.remove(key);
                open.remove(connection);
                connection = connect(url, key, mine);
                return exchange(connection, request, bytes, readBody);
            }
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
                open.remove(connection);
            }
            mine.remove(key);
            return new Outcome(0, LoadHttpClient.kindOf(e, closing), NO_BODY);
        }
    }

    private Connection connect(HttpUrl url, String key, Map<String, Connection> mine) throws IOException {
        if (closing) {
            throw new IOException("cancelled");
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(url.host(), url.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        Connection connection = new Connection(socket);
        mine.put(key, connection);
        open.add(connection);
        return connection;
    }

    private Outcome exchange(Connection c, Request request, byte[] bytes, boolean readBody) throws IOException {
        try {
            c.out.write(bytes);
            c.out.flush();
        } catch (IOException e) {
            throw new StaleConnectionException(e);
        }
        Response response = c.readResponse(request.method().equals("HEAD"), readBody);
        if (response.close) {
            c.close();
            open.remove(c);
            perThread.get().values().remove(c);
        }
        int status = response.status;
        return new Outcome(status, status >= 400 ? "http " + status : null, response.body);
    }

    /** The request's bytes; the same {@link Request} object (a plain URL run) is encoded once per connection. */
    private static byte[] encode(Request request, Connection connection) throws IOException {
        if (connection != null && connection.lastRequest == request) {
            return connection.lastBytes;
        }
        byte[] out = encode(request);
        if (connection != null) {
            connection.lastRequest = request;
            connection.lastBytes = out;
        }
        return out;
    }

    /** The request as HTTP/1.1 bytes: request line, headers (Host, Accept, User-Agent, Content-*), body. */
    public static byte[] encode(Request request) throws IOException {
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

    @Override
    public void cancelAll() {
        closing = true;
        open.forEach(Connection::close);
    }

    @Override
    public void close() {
        open.forEach(Connection::close);
        open.clear();
    }

    /** An answer as read. */
    private record Response(int status, byte[] body, boolean close) {
    }

    /** The kept-alive connection failed before a byte of the answer came: the request never reached the server. */
    private static final class StaleConnectionException extends IOException {
        final IOException io;

        StaleConnectionException(IOException io) {
            super(io);
            this.io = io;
        }
    }

    /** One socket, its buffered input, and the last request encoded for it. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buf = new byte[16 * 1024];
        int pos;
        int limit;
        Request lastRequest;
        byte[] lastBytes;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }

        private boolean fill() throws IOException {
            if (pos < limit) {
                return true;
            }
            pos = 0;
            limit = 0;
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            limit = n;
            return true;
        }

        /** One line without its CRLF, as ISO-8859-1; {@code null} at the end of the stream. */
        private String line() throws IOException {
            StringBuilder sb = null;
            while (true) {
                if (!fill()) {
                    if (sb == null) {
                        return null;
                    }
                    throw new EOFException("unexpected end of stream");
                }
                for (int i = pos; i < limit; i++) {
                    if (buf[i] == '\n') {
                        int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        String part = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                        pos = i + 1;
                        if (sb == null) {
                            return part;
                        }
                        sb.append(part);
                        int len = sb.length();
                        if (len > 0 && sb.charAt(len - 1) == '\r') {
                            sb.setLength(len - 1);
                        }
                        return sb.toString();
                    }
                }
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(new String(buf, pos, limit - pos, StandardCharsets.ISO_8859_1));
                pos = limit;
                if (sb.length() > 64 * 1024) {
                    throw new BadResponseException("header line over 64 KiB");
                }
            }
        }

        Response readResponse(boolean head, boolean keepBody) throws IOException {
            String statusLine;
            try {
                statusLine = line();
            } catch (java.net.SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw new StaleConnectionException(e);
            }
            if (statusLine == null) {
                throw new StaleConnectionException(new EOFException("unexpected end of stream"));
            }
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new BadResponseException("not an HTTP/1.x status line");
            }
            int status;
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new BadResponseException("bad status code");
            }
            long length = -1;
            boolean chunked = false;
            boolean close = statusLine.startsWith("HTTP/1.0");
            String header;
            while ((header = line()) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new BadResponseException("bad Content-Length");
                    }
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    String v = value.toLowerCase(java.util.Locale.ROOT);
                    close = v.contains("close") || (close && !v.contains("keep-alive"));
                }
            }
            if (header == null) {
                throw new EOFException("unexpected end of stream");
            }
            Buffer body = keepBody ? new Buffer() : null;
            if (head || status == 204 || status == 304 || status / 100 == 1) {
                return new Response(status, NO_BODY, close);
            }
            if (chunked) {
                while (true) {
                    String sizeLine = line();
                    if (sizeLine == null) {
                        throw new EOFException("unexpected end of stream");
                    }
                    int semi = sizeLine.indexOf(';');
                    long size;
                    try {
                        size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    } catch (NumberFormatException e) {
                        throw new BadResponseException("bad chunk size");
                    }
                    if (size == 0) {
                        String trailer;
                        while ((trailer = line()) != null && !trailer.isEmpty()) {
                            // trailers are ignored
                        }
                        break;
                    }
                    copy(size, body);
                    String end = line();
                    if (end == null || !end.isEmpty()) {
                        throw new BadResponseException("chunk without its CRLF");
                    }
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                while (fill()) {
                    take(limit - pos, body);
                }
                close = true;
            }
            return new Response(status, body == null ? NO_BODY : body.readByteArray(), close);
        }

        private void copy(long n, Buffer into) throws IOException {
            long left = n;
            while (left > 0) {
                if (!fill()) {
                    throw new EOFException("unexpected end of stream");
                }
                int take = (int) Math.min(left, limit - pos);
                take(take, into);
                left -= take;
            }
        }

        private void take(int n, Buffer into) {
            if (into != null) {
                into.write(buf, pos, n);
            }
            pos += n;
        }
    }
}
