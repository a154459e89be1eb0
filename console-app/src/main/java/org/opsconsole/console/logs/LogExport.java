package org.opsconsole.console.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes log lines to a UTF-8 text file, one formatted line each (stack traces keep their lines). */
public final class LogExport {

    private LogExport() {
    }

    public static void write(Path file, List<LogEntry> entries) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LogEntry entry : entries) {
                out.write(LogFormat.line(entry));
                out.newLine();
            }
        }
    }
}
