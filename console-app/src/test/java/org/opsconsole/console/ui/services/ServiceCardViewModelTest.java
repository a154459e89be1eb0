package org.opsconsole.console.ui.services;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceCardViewModelTest {

    @Test
    void uptimeReadsLikeAPersonWouldSayIt() {
        assertThat(ServiceCardViewModel.formatUptime(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(ServiceCardViewModel.formatUptime(Duration.ofSeconds(125))).isEqualTo("2 min");
        assertThat(ServiceCardViewModel.formatUptime(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
        assertThat(ServiceCardViewModel.formatUptime(Duration.ofHours(50))).isEqualTo("2 d 2 h 0 min");
    }
}
