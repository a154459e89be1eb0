package org.opsconsole.console.ui.load;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.workload.LoadPresets;
import org.opsconsole.console.load.workload.LoadScenario;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadFormTest {

    @Test
    void theDefaultFormIsAnOpenRunOverTheServices() {
        LoadScenario scenario = new LoadForm().toScenario();
        assertThat(scenario.target()).isInstanceOf(LoadScenario.Services.class);
        assertThat(scenario.model()).isInstanceOf(LoadScenario.Open.class);
        assertThat(scenario.model().duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyPresetFillsTheFormWithTheSameScenario() {
        for (LoadPresets.Preset preset : LoadPresets.forServices("http://127.0.0.1:1", "http://127.0.0.1:2")) {
            LoadForm form = new LoadForm();
            form.usersUrlProperty().set("http://127.0.0.1:1");
            form.ordersUrlProperty().set("http://127.0.0.1:2");
            form.apply(preset);
            LoadScenario made = form.toScenario();
            LoadScenario expected = preset.scenario();
            assertThat(made.model().duration()).as(preset.name()).isEqualTo(expected.model().duration());
            assertThat(made.thresholds()).as(preset.name()).isEqualTo(expected.thresholds());
            assertThat(made.warmup()).as(preset.name()).isEqualTo(expected.warmup());
            assertThat(made.target()).as(preset.name()).hasToString(expected.target().toString());
            if (expected.model() instanceof LoadScenario.Open open) {
                assertThat(((LoadScenario.Open) made.model()).plan().stages()).as(preset.name()).isEqualTo(open.plan().stages());
            } else {
                assertThat(made.model()).as(preset.name()).isEqualTo(expected.model());
            }
        }
    }

    @Test
    void stagesThresholdsAndAClosedModelAreReadLikeTheCommandLine() {
        LoadForm form = new LoadForm();
        form.stagesProperty().set("10s@100, 20s@100->300");
        form.thresholdsProperty().set("p99<200ms, errors<1%");
        LoadScenario open = form.toScenario();
        assertThat(((LoadScenario.Open) open.model()).plan().stages()).hasSize(2);
        assertThat(open.model().duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(open.thresholds()).hasSize(2);

        form.modelProperty().set(LoadForm.CLOSED);
        form.vusProperty().set("5");
        form.thinkProperty().set("50ms");
        form.durationProperty().set("2s");
        assertThat(form.toScenario().model()).isEqualTo(new LoadScenario.Closed(5, Duration.ofMillis(50), Duration.ofSeconds(2)));

        form.targetProperty().set(LoadForm.URL);
        form.urlProperty().set("http://127.0.0.1:9/health");
        assertThat(form.toScenario().target()).isEqualTo(new LoadScenario.Url("GET", "http://127.0.0.1:9/health", null, java.util.Map.of()));
    }

    @Test
    void aWrongFieldIsNamed() {
        LoadForm form = new LoadForm();
        form.stagesProperty().set("lots");
        assertThatThrownBy(form::toScenario).hasMessageContaining("stages");
        form.stagesProperty().set("3s@50");
        form.connectionsProperty().set("0");
        assertThatThrownBy(form::toScenario).hasMessageContaining("connections");
        form.connectionsProperty().set("8");
        form.usersUrlProperty().set("localhost:8081");
        assertThatThrownBy(form::toScenario).hasMessageContaining("users URL");
        form.usersUrlProperty().set("http://localhost:8081");
        form.thresholdsProperty().set("p99 under 5");
        assertThatThrownBy(form::toScenario).hasMessageContaining("threshold");
    }

    @Test
    void theCopiedCommandLineIsReadBackByAShellAsTheSameWords() throws Exception {
        java.util.List<String> words = java.util.List.of("./opsconsole", "load", "--stage", "20s@100->300/2", "--threshold",
                "p99<200ms", "--body", "{\"it's\": \"a b\"}", "--url", "http://127.0.0.1:9/x?a=1&b=2", "--mix", "read-user=70",
                "--data-dir", "/tmp/a dir/$HOME", "");
        String line = LoadViewModel.shellLine(words);

        // a shell reads the line as its arguments and prints each, ended by a NUL
        Process echo = new ProcessBuilder("sh", "-c", "set -- " + line + "; for w in \"$@\"; do printf '%s\\0' \"$w\"; done")
                .redirectErrorStream(true).start();
        String out = new String(echo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(echo.waitFor()).isZero();
        assertThat(java.util.List.of(out.split("\0", -1)).subList(0, words.size())).isEqualTo(words);
        assertThat(line).startsWith("./opsconsole load --stage '20s@100->300/2' --threshold 'p99<200ms'");
    }
}
