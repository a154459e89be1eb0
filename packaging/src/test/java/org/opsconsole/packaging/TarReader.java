package org.opsconsole.packaging;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough of a tar reader for the image tars Jib writes (ustar with pax headers): every
 * entry's name, mode, uid, type and content. The JDK has none; a dependency for this is overkill.
 */
final class TarReader {

    record Entry(String name, int mode, int uid, char type, byte[] content) {
        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    private TarReader() {
    }

    /** Every entry by name (without a leading "./" or "/"; folders end in "/"), in tar order. */
    static Map<String, Entry> read(InputStream in) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String longName = null;
        byte[] header = new byte[512];
        while (true) {
            if (!readFully(in, header)) {
                return entries;
            }
            if (isZeros(header)) {
                return entries;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            int mode = (int) octal(header, 100, 8);
            int uid = (int) octal(header, 108, 8);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            byte[] content = new byte[(int) size];
            if (!readFully(in, content)) {
                throw new EOFException("tar entry " + name + " cut short");
            }
            long padding = (512 - size % 512) % 512;
            in.skipNBytes(padding);
            if (type == 'x') {
                longName = paxPath(content, longName);
                continue;
            }
            if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if (type == 'g') {
                continue;
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            while (name.startsWith("./") || name.startsWith("/")) {
                name = name.substring(name.indexOf('/') + 1);
            }
            entries.put(name, new Entry(name, mode, uid, type, content));
        }
    }

    private static String paxPath(byte[] records, String current) {
        String text = new String(records, StandardCharsets.UTF_8);
        int at = 0;
        while (at < text.length()) {
            int space = text.indexOf(' ', at);
            int length = Integer.parseInt(text.substring(at, space));
            String record = text.substring(space + 1, at + length - 1);
            if (record.startsWith("path=")) {
                current = record.substring("path=".length());
            }
            at += length;
        }
        return current;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        return read == buffer.length;
    }

    private static boolean isZeros(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int from, int length) {
        String value = text(header, from, length).trim();
        return value.isEmpty() ? 0 : Long.parseLong(value, 8);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
