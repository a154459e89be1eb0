package org.opsconsole.console.ui.logs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.logs.LogEntry;
import org.opsconsole.console.logs.ServiceLogCapture;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: the view model's state needs JavaFX properties, not a running toolkit. */
class LogsViewModelTest {

    private final ServiceLogCapture users = ServiceLogCapture.attach("users", "test.vm.users", 100);
    private final ServiceLogCapture orders = ServiceLogCapture.attach("orders", "test.vm.orders", 100);

    @AfterEach
    void tearDown() {
        users.close();
        orders.close();
    }

    @Test
    void pollTakesNewLinesPerServiceAndFiltersThem() {
        LogsViewModel model = new LogsViewModel(List.of(users, orders), Runnable::run);
        Logger.getLogger("test.vm.users").info("users service listening");
        Logger.getLogger("test.vm.users").warning("slow query on users");
        Logger.getLogger("test.vm.orders").info("orders service listening");

        assertThat(model.poll()).as("the selected service (users) got lines").isTrue();
        assertThat(model.poll()).isFalse();
        assertThat(model.visibleLines("users")).extracting(LogEntry::message)
                .containsExactly("users service listening", "slow query on users");
        assertThat(model.visibleLines("orders")).hasSize(1);

        model.levelProperty().set(Level.WARNING);
        assertThat(model.visibleLines("users")).extracting(LogEntry::message).containsExactly("slow query on users");
        model.levelProperty().set(Level.ALL);
        model.textProperty().set("LISTENING");
        assertThat(model.visibleLines("users")).extracting(LogEntry::message).containsExactly("users service listening");
        assertThat(model.totalLines("users")).isEqualTo(2);
    }

    @Test
    void keepsAtMostTheLimitNewestLines() {
        ServiceLogCapture big = ServiceLogCapture.attach("users", "test.vm.big", LogsViewModel.MAX_LINES + 500);
        try {
            LogsViewModel model = new LogsViewModel(List.of(big), Runnable::run);
            Logger logger = Logger.getLogger("test.vm.big");
            logger.setUseParentHandlers(false);
            for (int i = 0; i < LogsViewModel.MAX_LINES + 300; i++) {
                logger.info("line " + i);
            }
            model.poll();
            assertThat(model.totalLines("users")).isEqualTo(LogsViewModel.MAX_LINES);
            assertThat(model.visibleLines("users").getLast().message()).isEqualTo("line " + (LogsViewModel.MAX_LINES + 299));
        } finally {
            big.close();
        }
    }
}
