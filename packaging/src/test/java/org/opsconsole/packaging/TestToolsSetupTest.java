package org.opsconsole.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * .mvn/test-tools.sh, what Maven runs before the tests to find or install PostgreSQL, RabbitMQ,
 * Prometheus and objcopy, run against a fake machine: its fixed paths under a folder of the test
 * (OPSCONSOLE_TOOLS_ROOT), and a PATH of stand-ins for uname, id, sudo, apt-get and brew that
 * write down how they were called and "install" by creating the files the script looks for.
 * This machine's packages are never touched.
 */
class TestToolsSetupTest {

    @TempDir
    Path machine;
    private Path bin;
    private Path calls;

    @BeforeEach
    void aMachineWithNothing() throws IOException {
        bin = Files.createDirectories(machine.resolve("bin"));
        calls = machine.resolve("calls.log");
        Files.createFile(calls);
        // the plain tools the script uses, from this machine
        for (String tool : List.of("paste", "sed", "tail", "mktemp", "rm", "env", "cat", "mkdir", "touch", "chmod", "true")) {
            Path real = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
        }
        linux();
        user(1000);
    }

    @Test
    void whatIsThereIsFoundAndNothingIsInstalled() throws Exception {
        executable(machine.resolve("usr/lib/postgresql/15/bin/initdb"));
        executable(machine.resolve("usr/sbin/rabbitmq-server"));
        stub("prometheus", "");
        stub("objcopy", "");
        aptGet(0);

        Run run = run("postgresql rabbitmq", "prometheus", "objcopy");

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output).isEmpty();
        assertThat(calls()).isEmpty();
    }

    @Test
    void asRootOnDebianItInstallsWhatIsMissingWithAptGet() throws Exception {
        user(0);
        executable(machine.resolve("usr/sbin/rabbitmq-server"));
        aptGet(0);

        Run run = run("postgresql rabbitmq prometheus");

        assertThat(run.status).as(run.output).isZero();
        assertThat(calls()).containsExactly("apt-get update", "apt-get install -y postgresql prometheus");
        assertThat(run.output).contains("installing PostgreSQL, Prometheus: apt-get install postgresql prometheus")
                .contains("PostgreSQL, Prometheus installed");
    }

    @Test
    void aUserWithSudoThatAsksNoPasswordInstallsThroughSudo() throws Exception {
        sudo(true);
        aptGet(0);

        Run run = run("rabbitmq");

        assertThat(run.status).as(run.output).isZero();
        assertThat(calls()).containsExactly("sudo -n true", "sudo apt-get update", "apt-get update",
                "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y rabbitmq-server",
                "apt-get install -y rabbitmq-server");
    }

    @Test
    void aUserWithoutSudoIsToldInOneLineWhatToRun() throws Exception {
        sudo(false);
        aptGet(0);

        Run run = run("postgresql rabbitmq");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.output.strip()).isEqualTo("This build needs PostgreSQL, RabbitMQ, which this machine lacks and"
                + " this script can't install here: run 'sudo apt-get install postgresql rabbitmq-server', then the"
                + " tests again");
        assertThat(calls()).containsExactly("sudo -n true");
    }

    @Test
    void aFailedInstallShowsAptGetsLastLinesAndSaysWhatToRun() throws Exception {
        user(0);
        aptGet(100);

        Run run = run("prometheus");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.output).contains("E: Unable to locate package prometheus")
                .contains("'apt-get install prometheus' failed (its last lines are above); run it yourself, then the tests again");
    }

    @Test
    void anInstallThatLeavesTheProgramMissingSaysSo() throws Exception {
        user(0);
        stub("apt-get", "echo \"apt-get $*\" >> " + calls + "\n");

        Run run = run("objcopy");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.output).contains("apt-get install binutils")
                .contains("after the install objcopy still can't be found where the tests look");
    }

    @Test
    void onMacOsItInstallsWithHomebrew() throws Exception {
        stub("uname", "echo Darwin\n");
        stub("brew", "echo \"brew $*\" >> " + calls + "\n"
                + "mkdir -p " + machine.resolve("opt/homebrew/opt/postgresql@15/bin") + "\n"
                + "touch " + machine.resolve("opt/homebrew/opt/postgresql@15/bin/initdb") + "\n"
                + "chmod +x " + machine.resolve("opt/homebrew/opt/postgresql@15/bin/initdb") + "\n");

        Run run = run("postgresql");

        assertThat(run.status).as(run.output).isZero();
        assertThat(calls()).containsExactly("brew install postgresql@15");
    }

    @Test
    void onMacOsWithoutHomebrewItSaysHowToGetIt() throws Exception {
        stub("uname", "echo Darwin\n");

        Run run = run("prometheus rabbitmq");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.output.strip()).endsWith("install Homebrew (https://brew.sh), then 'brew install prometheus"
                + " rabbitmq', then the tests again");
    }

    @Test
    void aLinuxWithoutAptGetNamesThePackages() throws Exception {
        Run run = run("postgresql");

        assertThat(run.status).isEqualTo(1);
        assertThat(run.output).contains("install PostgreSQL with your package manager (Debian names: postgresql), then the tests again");
    }

    @Test
    void anUnknownProgramIsRefused() throws Exception {
        Run run = run("mysql");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.output).contains("unknown program 'mysql'");
    }

    @Test
    void aModuleThatNeedsNothingPassesAnEmptyList() throws Exception {
        Run run = run("");

        assertThat(run.status).as(run.output).isZero();
        assertThat(calls()).isEmpty();
    }

    // --- the fake machine

    private void linux() throws IOException {
        stub("uname", "echo Linux\n");
    }

    private void user(int uid) throws IOException {
        stub("id", "echo " + uid + "\n");
    }

    private void sudo(boolean withoutPassword) throws IOException {
        stub("sudo", "echo \"sudo $*\" >> " + calls + "\n"
                + (withoutPassword ? "[ \"$1\" = -n ] && shift\nexec \"$@\"\n" : "exit 1\n"));
    }

    /** apt-get that fails with {@code failWith} != 0, else creates what each package brings. */
    private void aptGet(int failWith) throws IOException {
        String root = machine.toString();
        stub("apt-get", "echo \"apt-get $*\" >> " + calls + "\n"
                + (failWith != 0 ? "echo 'E: Unable to locate package prometheus' >&2\nexit " + failWith + "\n" : "")
                + "[ \"$1\" = install ] || exit 0\n"
                + "for p in \"$@\"; do case $p in\n"
                + "  postgresql) mkdir -p " + root + "/usr/lib/postgresql/15/bin; touch " + root + "/usr/lib/postgresql/15/bin/initdb;"
                + " chmod +x " + root + "/usr/lib/postgresql/15/bin/initdb;;\n"
                + "  rabbitmq-server) mkdir -p " + root + "/usr/sbin; touch " + root + "/usr/sbin/rabbitmq-server;"
                + " chmod +x " + root + "/usr/sbin/rabbitmq-server;;\n"
                + "  prometheus) for b in prometheus promtool; do printf '#!/bin/sh\\n' > " + bin + "/$b; chmod +x " + bin + "/$b; done;;\n"
                + "  binutils) printf '#!/bin/sh\\n' > " + bin + "/objcopy; chmod +x " + bin + "/objcopy;;\n"
                + "esac; done\n");
    }

    private void stub(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.deleteIfExists(file);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(calls);
    }

    private record Run(int status, String output) {
    }

    private Run run(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash",
                Repo.root().resolve(".mvn/test-tools.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("OPSCONSOLE_TOOLS_ROOT", machine.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ended").isTrue();
        return new Run(process.exitValue(), output);
    }
}
