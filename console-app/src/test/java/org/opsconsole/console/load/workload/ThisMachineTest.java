package org.opsconsole.console.load.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which servers share the sending machine's cores: loopback and this machine's own addresses. */
class ThisMachineTest {

    @Test
    void loopbackAndLocalhostAreThisMachine() {
        assertThat(ThisMachine.serves("http://127.0.0.1:8081/users/1")).isTrue();
        assertThat(ThisMachine.serves("http://localhost:8081")).isTrue();
        assertThat(ThisMachine.serves("http://[::1]:8081/")).isTrue();
        assertThat(ThisMachine.serves("http://0.0.0.0:8081/")).isTrue();
    }

    @Test
    void otherAddressesAndNamesAreElsewhere() {
        assertThat(ThisMachine.serves("http://203.0.113.7:8081/")).as("TEST-NET-3, on no machine").isFalse();
        assertThat(ThisMachine.serves("https://example.com/")).as("names are not looked up").isFalse();
        assertThat(ThisMachine.serves("not a url")).isFalse();
    }

    @Test
    void aRunOnTheBundledServicesIsOnThisMachineWhenBothAre() {
        assertThat(new ScenarioBuilder().services("http://127.0.0.1:8081", "http://127.0.0.1:8082", null).build()
                .target().onThisMachine()).isTrue();
        assertThat(new ScenarioBuilder().services("http://127.0.0.1:8081", "http://203.0.113.7:8082", null).build()
                .target().onThisMachine()).isFalse();
    }
}
