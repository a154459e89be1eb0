package org.opsconsole.console.cli;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.workload.LoadScenario;
import org.opsconsole.console.load.workload.Threshold;
import org.opsconsole.console.ui.load.LoadForm;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same options, given to {@code ./opsconsole load} and typed into the Load screen's form, make the same run. */
class SameScenarioTest {

    @Test
    void anOpenRunOverTheServices() {
        LoadScenario cli = fromCommandLine("--users-url", "http://127.0.0.1:1", "--orders-url", "http://127.0.0.1:2",
                "--mix", "read-user=70,create-order=30", "--stage", "10s@100", "--stage", "20s@100->300",
                "--connections", "16", "--timeout", "3s", "--threshold", "p99<200ms", "--threshold", "errors<1%");
        LoadForm form = new LoadForm();
        form.usersUrlProperty().set("http://127.0.0.1:1");
        form.ordersUrlProperty().set("http://127.0.0.1:2");
        form.mixProperty().set("read-user=70,create-order=30");
        form.stagesProperty().set("10s@100, 20s@100->300");
        form.connectionsProperty().set("16");
        form.timeoutProperty().set("3s");
        form.thresholdsProperty().set("p99<200ms, errors<1%");
        assertSame(form.toScenario(), cli);
        assertThat(cli.warmup()).as("the default warm-up, on both").isEqualTo(org.opsconsole.console.load.workload.ScenarioBuilder.DEFAULT_WARMUP);
    }

    @Test
    void aClosedRunOnOneUrl() {
        LoadScenario cli = fromCommandLine("--url", "http://127.0.0.1:9/hello", "-X", "post", "--body", "{\"a\":1}",
                "--vus", "5", "--think", "50ms", "--duration", "2s", "--warmup", "0s");
        LoadForm form = closedRunOn("http://127.0.0.1:9/hello", "post", "{\"a\":1}");
        form.warmupProperty().set("0s");
        assertSame(form.toScenario(), cli);
    }

    @Test
    void theCommandTheScreenCopiesMakesTheFormsRun() {
        LoadForm services = new LoadForm();
        services.usersUrlProperty().set("http://127.0.0.1:1");
        services.ordersUrlProperty().set("http://127.0.0.1:2");
        services.mixProperty().set("read-user=70, create-order=30");
        services.stagesProperty().set("10s@100; 20s@100->300/2,");
        services.thresholdsProperty().set("p99<200ms, errors<1%");
        services.keepDataProperty().set(true);
        services.warmupProperty().set("2s");
        LoadScenario fromServicesCommand = fromCommandLine(services.commandOptions().toArray(String[]::new));
        assertSame(services.toScenario(), fromServicesCommand);
        assertThat(((LoadScenario.Services) fromServicesCommand.target()).keepData()).isTrue();

        LoadForm url = closedRunOn("http://127.0.0.1:9/hello?x=1&y=2", "PUT", "{\"it's\": \"a b\"}");
        url.connectionsProperty().set("7");
        url.timeoutProperty().set("3s");
        assertSame(url.toScenario(), fromCommandLine(url.commandOptions().toArray(String[]::new)));
    }

    @Test
    void aFormThatMakesNoRunGivesNoCommandButWhatIsWrong() {
        LoadForm form = new LoadForm();
        form.stagesProperty().set("30x@300");
        String why = org.assertj.core.api.Assertions.catchThrowableOfType(IllegalArgumentException.class, form::toScenario).getMessage();
        org.assertj.core.api.Assertions.assertThatThrownBy(form::commandOptions).hasMessage(why);
    }

    /** A form for the closed model on one URL: 5 users, thinking 50 ms, for 2 s. */
    private static LoadForm closedRunOn(String address, String method, String body) {
        LoadForm form = new LoadForm();
        form.targetProperty().set(LoadForm.URL);
        form.urlProperty().set(address);
        form.methodProperty().set(method);
        form.bodyProperty().set(body);
        form.modelProperty().set(LoadForm.CLOSED);
        form.vusProperty().set("5");
        form.thinkProperty().set("50ms");
        form.durationProperty().set("2s");
        return form;
    }

    private static LoadScenario fromCommandLine(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("load"));
        args.addAll(List.of(options));
        CommandLine.ParseResult parsed = OpsConsoleCommand.commandLine().parseArgs(args.toArray(String[]::new));
        return ((LoadCommand) parsed.subcommand().commandSpec().userObject()).scenario();
    }

    private static void assertSame(LoadScenario form, LoadScenario cli) {
        assertThat(form.target()).isEqualTo(cli.target());
        if (cli.model() instanceof LoadScenario.Open open) {
            assertThat(((LoadScenario.Open) form.model()).plan().stages()).isEqualTo(open.plan().stages());
        } else {
            assertThat(form.model()).isEqualTo(cli.model());
        }
        assertThat(form.connections()).isEqualTo(cli.connections());
        assertThat(form.timeout()).isEqualTo(cli.timeout());
        assertThat(form.lateAfter()).isEqualTo(cli.lateAfter());
        assertThat(form.warmup()).isEqualTo(cli.warmup());
        assertThat(form.client()).isEqualTo(cli.client());
        assertThat(form.thresholds()).extracting(Threshold::expression)
                .isEqualTo(cli.thresholds().stream().map(Threshold::expression).toList());
    }
}
