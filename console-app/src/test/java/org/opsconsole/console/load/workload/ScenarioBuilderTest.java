package org.opsconsole.console.load.workload;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioBuilderTest {

    @Test
    void aRunWithNothingChosenIsTheDefaultMixAt100PerSecondFor10sAfterAFiveSecondWarmUp() {
        LoadScenario scenario = new ScenarioBuilder().build();
        assertThat(scenario.target()).isEqualTo(new LoadScenario.Services(LoadScenario.Services.DEFAULT_USERS_URL,
                LoadScenario.Services.DEFAULT_ORDERS_URL, OperationMix.parse(ServiceOperations.DEFAULT_MIX)));
        assertThat(((LoadScenario.Open) scenario.model()).plan().stages())
                .containsExactly(Stage.constant(Duration.ofSeconds(10), 100));
        assertThat(scenario.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scenario.connections()).isEqualTo(LoadScenario.DEFAULT_CONNECTIONS);
    }

    @Test
    void aRampFromNothingWarmsUpByItselfAndAChosenWarmUpIsKept() {
        assertThat(new ScenarioBuilder().stages("1m@0->2000").build().warmup()).isZero();
        assertThat(new ScenarioBuilder().rate(500.0).ramp(Duration.ofSeconds(10)).build().warmup()).isZero();
        assertThat(new ScenarioBuilder().stages("30s@300").warmup(Duration.ZERO).build().warmup()).isZero();
        assertThat(new ScenarioBuilder().stages("1m@0->2000").warmup(Duration.ofSeconds(3)).build().warmup())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(new ScenarioBuilder().vus(3).build().warmup()).isEqualTo(ScenarioBuilder.DEFAULT_WARMUP);
    }

    @Test
    void aRateWithARampIsTheSameAsItsStages() {
        LoadScenario byRate = new ScenarioBuilder().rate(500.0).ramp(Duration.ofSeconds(10)).duration(Duration.ofSeconds(30)).build();
        LoadScenario byStages = new ScenarioBuilder().stages("10s@0->500, 30s@500").build();
        assertThat(((LoadScenario.Open) byRate.model()).plan().stages())
                .isEqualTo(((LoadScenario.Open) byStages.model()).plan().stages());
    }

    @Test
    void whatCantBeRunIsSaidInWords() {
        assertThatThrownBy(() -> new ScenarioBuilder().stages("30x@300")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScenarioBuilder().stages(" , ")).hasMessageContaining("at least one stage");
        assertThatThrownBy(() -> new ScenarioBuilder().services(null, null, "fly=1")).hasMessageContaining("unknown operation 'fly'");
        assertThatThrownBy(() -> new ScenarioBuilder().vus(3).rate(10.0).build()).hasMessageContaining("can't be combined");
        assertThatThrownBy(() -> new ScenarioBuilder().stages("10s@5").duration(Duration.ofSeconds(3)).build())
                .hasMessageContaining("Stages describe the whole run");
        assertThatThrownBy(() -> new ScenarioBuilder().url("ftp://x").build()).hasMessageContaining("http://");
        assertThatThrownBy(() -> new ScenarioBuilder().url("http://127.0.0.1:9/").services(null, null, "read-user=1").build())
                .hasMessageContaining("A mix is for the services");
        assertThatThrownBy(() -> new ScenarioBuilder().body("{}").build()).hasMessageContaining("go with one URL");
        assertThatThrownBy(() -> new ScenarioBuilder().method("post").build()).hasMessageContaining("go with one URL");
        assertThatThrownBy(() -> new ScenarioBuilder().method("BAD METHOD")).hasMessageContaining("'BAD METHOD' is not an HTTP method");
        assertThatThrownBy(() -> new ScenarioBuilder().connections(0).build()).hasMessageContaining("connections");
        assertThatThrownBy(() -> new ScenarioBuilder().timeout(Duration.ZERO).build()).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new ScenarioBuilder().rate(0.0).build()).hasMessageContaining("rate");
        assertThatThrownBy(() -> new ScenarioBuilder().header("no colon")).hasMessageContaining("NAME:VALUE");
    }

    @Test
    void thresholdsAndHeadersAreReadAsWritten() {
        LoadScenario scenario = new ScenarioBuilder().url("http://127.0.0.1:9/hello").method("post").body("{}")
                .header("X-A: 1").thresholds("p99<200ms, errors<1%").build();
        assertThat(scenario.target()).isEqualTo(new LoadScenario.Url("POST", "http://127.0.0.1:9/hello", "{}",
                java.util.Map.of("X-A", "1")));
        assertThat(scenario.thresholds()).extracting(Threshold::expression).containsExactly("p99<200ms", "errors<1%");
        assertThat(List.of(scenario.timeout(), scenario.lateAfter()))
                .containsExactly(LoadScenario.DEFAULT_TIMEOUT, LoadScenario.DEFAULT_LATE_AFTER);
    }
}
