package org.opsconsole.console.ui.load;

import org.junit.jupiter.api.Test;
import org.opsconsole.console.load.LoadSnapshot;
import org.opsconsole.console.load.Percentiles;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "behind schedule" banner advises more connections only when requests waited for one. */
class BehindScheduleAdviceTest {

    @Test
    void requestsThatWaitedForAConnectionAskForMoreConnections() {
        assertThat(LoadViewModel.behindSentence(snapshot(100, 90)))
                .startsWith("Behind schedule: 100 late sends")
                .contains("add connections");
    }

    @Test
    void lateSendsWithFreeConnectionsBlameABusyMachineNotTheConnections() {
        assertThat(LoadViewModel.behindSentence(snapshot(100, 0)))
                .contains("this machine was too busy")
                .doesNotContain("add connections");
    }

    private static LoadSnapshot snapshot(long late, long lateForConnection) {
        return new LoadSnapshot("r", Instant.EPOCH, LoadSnapshot.Phase.RUNNING, 10, 60, 0.2, 500, 400, 4000, 0,
                late, lateForConnection, 120, 300, 8, Percentiles.EMPTY, Percentiles.EMPTY, Percentiles.EMPTY, List.of(), null);
    }
}
