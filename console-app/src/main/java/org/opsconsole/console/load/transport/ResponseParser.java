package org.opsconsole.console.load.transport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

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
            readHeaders(new String(buf, 0, end, StandardCharsets.ISO_8859_1));
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

    private void readHeaders(String head) throws LoadHttpClient.BadResponseException {
        String[] lines = head.split("\r\n");
        String statusLine = lines[0];
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new LoadHttpClient.BadResponseException("not an HTTP/1.x status line");
        }
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new LoadHttpClient.BadResponseException("bad status code");
        }
        close = statusLine.startsWith("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new LoadHttpClient.BadResponseException("bad Content-Length");
                }
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                String v = value.toLowerCase(Locale.ROOT);
                close = v.contains("close") || (close && !v.contains("keep-alive"));
            }
        }
    }

    private boolean parseChunks() throws LoadHttpClient.BadResponseException {
        while (true) {
            int lineEnd = indexOf(buf, chunkPos, size, "\r\n");
            if (lineEnd < 0) {
                return false;
            }
            String sizeText = new String(buf, chunkPos, lineEnd - chunkPos, StandardCharsets.ISO_8859_1);
            int semi = sizeText.indexOf(';');
            long chunk;
            try {
                chunk = Long.parseLong((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new LoadHttpClient.BadResponseException("bad chunk size");
            }
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
