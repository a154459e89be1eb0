package org.opsconsole.console.load.transport;

import java.util.Arrays;

/**
 * Reads one HTTP/1.1 response from bytes as they arrive (non-blocking sockets): status, headers,
 * then a Content-Length, chunked or read-until-close body. {@link #feed} returns true once the
 * response is complete; bytes after it (a pipelined answer) are not expected and are an error.
 */
public final class ResponseParser {

    private byte[] buf = new byte[8 * 1024];
    private int size;
    private int headerEnd = -1;
    private int status;
    private long contentLength = -1;
    private boolean chunked;
    private boolean close;
    private boolean noBody;
    private int bodyStart;
    private int bodyEnd;
    // chunked: where the next chunk-size line starts, and the decoded body so far
    private int chunkPos;
    private byte[] decoded;
    private int decodedSize;
    private boolean complete;

    public void reset(boolean head) {
        size = 0;
        headerEnd = -1;
        status = 0;
        contentLength = -1;
        chunked = false;
        close = false;
        noBody = head;
        decodedSize = 0;
        complete = false;
        if (buf.length > 64 * 1024) {
            buf = new byte[8 * 1024];
        }
    }

    public int status() {
        return status;
    }

    public boolean closeAfter() {
        return close;
    }

    public boolean hasStarted() {
        return size > 0;
    }

    /** Adds bytes; true when the response is complete. */
    public boolean feed(byte[] data, int off, int len) throws LoadHttpClient.BadResponseException {
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        }
        System.arraycopy(data, off, buf, size, len);
        size += len;
        return parse();
    }

    /** The server closed the connection: complete only if the body runs until close. */
    public boolean endOfStream() {
        if (headerEnd >= 0 && !chunked && contentLength < 0 && !noBody) {
            bodyEnd = size;
            close = true;
            complete = true;
        }
        return complete;
    }

    public byte[] body() {
        if (chunked) {
            return decoded == null ? new byte[0] : Arrays.copyOf(decoded, decodedSize);
        }
        return Arrays.copyOfRange(buf, bodyStart, bodyEnd);
    }

    private boolean parse() throws LoadHttpClient.BadResponseException {
        if (complete) {
            throw new LoadHttpClient.BadResponseException("bytes after a complete response");
        }
        if (headerEnd < 0) {
            int end = indexOf(buf, 0, size, "\r\n\r\n");
            if (end < 0) {
                if (size > 64 * 1024) {
                    throw new LoadHttpClient.BadResponseException("headers over 64 KiB");
                }
                return false;
            }
            headerEnd = end + 4;
            readHeaders(end);
            bodyStart = headerEnd;
            chunkPos = headerEnd;
            if (noBody || status == 204 || status == 304 || status / 100 == 1) {
                bodyEnd = bodyStart;
                complete = true;
                return true;
            }
        }
        if (chunked) {
            return parseChunks();
        }
        if (contentLength >= 0) {
            if (size - bodyStart >= contentLength) {
                if (size - bodyStart > contentLength) {
                    throw new LoadHttpClient.BadResponseException("more bytes than Content-Length");
                }
                bodyEnd = (int) (bodyStart + contentLength);
                complete = true;
            }
            return complete;
        }
        return false;
    }

    /**
     * The status line and the headers that matter, read off the bytes where they lie: no String, no
     * regex (splitting the head into Strings was three quarters of what a run allocated).
     */
    private void readHeaders(int end) throws LoadHttpClient.BadResponseException {
        int lineEnd = lineEnd(0, end);
        if (!startsWith(0, lineEnd, "HTTP/1.") || lineEnd < 12) {
            throw new LoadHttpClient.BadResponseException("not an HTTP/1.x status line");
        }
        status = (int) number(9, 12, 10, 3, "bad status code");
        close = buf[7] == '0';
        for (int line = lineEnd + 2; line < end; line = lineEnd + 2) {
            lineEnd = lineEnd(line, end);
            int colon = indexOf(buf, line, lineEnd, ":");
            if (colon <= line) {
                continue;
            }
            int nameEnd = trimEnd(line, colon);
            int value = trimStart(colon + 1, lineEnd);
            int valueEnd = trimEnd(value, lineEnd);
            if (nameIs(line, nameEnd, "content-length")) {
                contentLength = number(value, valueEnd, 10, 18, "bad Content-Length");
            } else if (nameIs(line, nameEnd, "transfer-encoding")) {
                chunked = containsIgnoringCase(value, valueEnd, "chunked");
            } else if (nameIs(line, nameEnd, "connection")) {
                close = containsIgnoringCase(value, valueEnd, "close") || (close && !containsIgnoringCase(value, valueEnd, "keep-alive"));
            }
        }
    }

    private int lineEnd(int from, int end) {
        int i = indexOf(buf, from, end, "\r\n");
        return i < 0 ? end : i;
    }

    private int trimStart(int from, int to) {
        while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
            from++;
        }
        return from;
    }

    private int trimEnd(int from, int to) {
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private boolean startsWith(int from, int to, String prefix) {
        return to - from >= prefix.length() && regionMatches(from, prefix, false);
    }

    /** Whether bytes {@code from..to} are {@code lowerName}, in any case. */
    private boolean nameIs(int from, int to, String lowerName) {
        return to - from == lowerName.length() && regionMatches(from, lowerName, true);
    }

    private boolean containsIgnoringCase(int from, int to, String lower) {
        for (int i = from; i <= to - lower.length(); i++) {
            if (regionMatches(i, lower, true)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionMatches(int at, String text, boolean ignoreCase) {
        for (int j = 0; j < text.length(); j++) {
            int c = buf[at + j];
            if (ignoreCase && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != text.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The number written in bytes {@code from..to}, at most {@code maxDigits} digits; else {@code bad} in words. */
    private long number(int from, int to, int radix, int maxDigits, String bad) throws LoadHttpClient.BadResponseException {
        if (from == to || to - from > maxDigits) {
            throw new LoadHttpClient.BadResponseException(bad);
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(buf[i], radix);
            if (digit < 0) {
                throw new LoadHttpClient.BadResponseException(bad);
            }
            n = n * radix + digit;
        }
        return n;
    }

    /** A chunk's hexadecimal size, up to its extensions ({@code ;name=value}). */
    private long chunkSize(int from, int to) throws LoadHttpClient.BadResponseException {
        int semi = indexOf(buf, from, to, ";");
        int end = trimEnd(from, semi < 0 ? to : semi);
        return number(trimStart(from, end), end, 16, 15, "bad chunk size");
    }

    private boolean parseChunks() throws LoadHttpClient.BadResponseException {
        while (true) {
            int lineEnd = indexOf(buf, chunkPos, size, "\r\n");
            if (lineEnd < 0) {
                return false;
            }
            long chunk = chunkSize(chunkPos, lineEnd);
            int dataStart = lineEnd + 2;
            if (chunk == 0) {
                // trailers (usually none), then an empty line
                int end = indexOf(buf, lineEnd, size, "\r\n\r\n");
                if (end < 0) {
                    return false;
                }
                if (end + 4 != size) {
                    throw new LoadHttpClient.BadResponseException("bytes after the last chunk");
                }
                complete = true;
                return true;
            }
            if (size < dataStart + chunk + 2) {
                return false;
            }
            append((int) chunk, dataStart);
            chunkPos = (int) (dataStart + chunk + 2);
        }
    }

    private void append(int n, int from) {
        if (decoded == null || decodedSize + n > decoded.length) {
            decoded = Arrays.copyOf(decoded == null ? new byte[0] : decoded, Math.max(8 * 1024, (decodedSize + n) * 2));
        }
        System.arraycopy(buf, from, decoded, decodedSize, n);
        decodedSize += n;
    }

    private static int indexOf(byte[] data, int from, int to, String needle) {
        int n = needle.length();
        outer:
        for (int i = Math.max(0, from); i <= to - n; i++) {
            for (int j = 0; j < n; j++) {
                if (data[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
