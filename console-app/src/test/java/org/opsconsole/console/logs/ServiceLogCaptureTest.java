package org.opsconsole.console.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLogCaptureTest {

    @Test
    void capturesTheServiceLoggerAndItsChildrenWithStackTraces() {
        ServiceLogCapture capture = ServiceLogCapture.attach("users", "test.capture.users", 100);
        try {
            Logger.getLogger("test.capture.users").info("started on port {0}");
            Logger.getLogger("test.capture.users.supervisor").log(Level.WARNING, "could not start", new IllegalStateException("boom"));
            Logger.getLogger("test.capture.other").info("not ours");
            assertThat(capture.lines().all()).hasSize(2);
            LogEntry warning = capture.lines().all().get(1);
            assertThat(warning.level()).isEqualTo(Level.WARNING);
            assertThat(warning.service()).isEqualTo("users");
            assertThat(warning.message()).startsWith("could not start").contains("IllegalStateException: boom");
        } finally {
            capture.close();
        }
        Logger.getLogger("test.capture.users").info("after close");
        assertThat(capture.lines().all()).hasSize(2);
    }

    @Test
    void filtersByLevelAndText() {
        LogEntry info = new LogEntry("users", Instant.now(), Level.INFO, "org.opsconsole.service.user", "GET /users 200");
        LogEntry warning = new LogEntry("users", Instant.now(), Level.WARNING, "org.opsconsole.service.user", "slow query");
        assertThat(new LogFilter(Level.WARNING, "").test(info)).isFalse();
        assertThat(new LogFilter(Level.WARNING, "").test(warning)).isTrue();
        assertThat(new LogFilter(Level.ALL, "get /USERS").test(info)).isTrue();
        assertThat(new LogFilter(Level.ALL, "order").test(info)).isFalse();
        assertThat(LogFilter.ALL.test(info)).isTrue();
    }

    @Test
    void exportsOneLinePerEntry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.log");
        LogExport.write(file, java.util.List.of(
                new LogEntry("users", Instant.parse("2026-11-28T21:00:00Z"), Level.INFO, "org.opsconsole.service.user", "hello"),
                new LogEntry("users", Instant.parse("2026-11-28T21:00:01Z"), Level.SEVERE, "org.opsconsole.service.user.supervisor", "bye")));
        assertThat(Files.readAllLines(file)).hasSize(2)
                .first().asString().contains("INFO").contains("[user]").endsWith("hello");
        assertThat(Files.readAllLines(file).get(1)).contains("SEVERE").contains("[supervisor]").endsWith("bye");
    }
}
