package org.opsconsole.console.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsconsole.console.ConsoleOptions;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OpsConsoleCommandTest {

    private static OpsConsoleCommand parse(String... args) {
        OpsConsoleCommand command = new OpsConsoleCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsAreTheDocumentedPortsWithDemoData() {
        ConsoleOptions options = parse().options();
        assertThat(options.userPort()).isEqualTo(8081);
        assertThat(options.orderPort()).isEqualTo(8082);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.demoData()).isTrue();
        assertThat(options.autoStart()).isTrue();
        assertThat(options.folders()).isNotNull();
    }

    @Test
    void optionsOverrideFoldersPortsAndDemoData(@TempDir Path dir) {
        ConsoleOptions options = parse("--data-dir", dir.toString(), "--user-port", "0", "--order-port", "9002", "--no-demo-data").options();
        assertThat(options.folders().root()).isEqualTo(dir.toAbsolutePath());
        assertThat(options.userPort()).isZero();
        assertThat(options.orderPort()).isEqualTo(9002);
        assertThat(options.demoData()).isFalse();
        assertThat(options.dataLocation()).isEqualTo(dir.toAbsolutePath().toString());
    }

    @Test
    void helpListsTheCommands() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = OpsConsoleCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("--data-dir").contains("--user-port").contains("--no-demo-data");
    }

    @Test
    void anImpossiblePortIsAUsageError() {
        CommandLine commandLine = OpsConsoleCommand.commandLine();
        commandLine.setErr(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("--user-port", "70000")).isEqualTo(2);
    }
}
