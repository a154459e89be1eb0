package org.opsconsole.service.kit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsconsole.service.kit.CompactionPolicy.MB;

class CompactionPolicyTest {

    private final CompactionPolicy policy = CompactionPolicy.standard();
    private static final Duration LONG_AGO = Duration.ofHours(1);

    @Test
    void atStartOnlyAFileMostlyFreeSpaceIsCompacted() {
        assertThat(policy.atStart(100 * MB, 10 * MB)).isTrue();
        assertThat(policy.atStart(100 * MB, 60 * MB)).as("most of it is data").isFalse();
        assertThat(policy.atStart(MB / 2, 0)).as("too small to matter").isFalse();
    }

    @Test
    void onceWritesStopAFileThatGrewIsCompacted() {
        Duration quiet = CompactionPolicy.QUIET;
        assertThat(policy.whileRunning(20 * MB, 10 * MB, quiet, LONG_AGO, Duration.ZERO))
                .isEqualTo(CompactionPolicy.Reason.IDLE);
        assertThat(policy.whileRunning(20 * MB, 10 * MB, quiet.minusSeconds(1), LONG_AGO, Duration.ZERO))
                .as("writes stopped only just now").isNull();
        assertThat(policy.whileRunning(12 * MB, 10 * MB, quiet, LONG_AGO, Duration.ZERO))
                .as("it grew by less than a quarter").isNull();
    }

    @Test
    void duringWritesOnlyAFarGrownFileIsCompactedAndTheDatabaseIsRarelyPaused() {
        Duration writing = Duration.ZERO;
        assertThat(policy.whileRunning(100 * MB, 10 * MB, writing, LONG_AGO, Duration.ofMillis(300)))
                .isEqualTo(CompactionPolicy.Reason.WRITING);
        assertThat(policy.whileRunning(70 * MB, 10 * MB, writing, LONG_AGO, Duration.ofMillis(300)))
                .as("within 3x + 48 MB").isNull();
        assertThat(policy.whileRunning(100 * MB, 10 * MB, writing, Duration.ofMillis(5000), Duration.ofMillis(300)))
                .as("the last pause was more than a twentieth of the time since").isNull();
        assertThat(policy.whileRunning(100 * MB, 10 * MB, writing, Duration.ofMillis(5700), Duration.ofMillis(300)))
                .isEqualTo(CompactionPolicy.Reason.WRITING);
    }

    @Test
    void atCloseTheIdleRuleHolds() {
        assertThat(policy.atClose(20 * MB, 10 * MB)).isTrue();
        assertThat(policy.atClose(11 * MB, 10 * MB)).isFalse();
    }
}
