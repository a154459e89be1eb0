package org.opsconsole.console.ui.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.opsconsole.console.events.EventFeed;
import org.opsconsole.console.events.StreamState;
import org.opsconsole.model.ServiceEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventsViewModelTest {

    private static ServiceEvent event(long id, String service, String type) {
        return new ServiceEvent(id, type, service, id, Instant.now(), JsonNodeFactory.instance.objectNode().put("name", "Ann " + id));
    }

    @Test
    void showsNewestFirstAndFiltersByServiceAndText() {
        EventFeed feed = new EventFeed(List.of(), null, 100);
        EventsViewModel model = new EventsViewModel(feed);
        feed.events().append(event(1, "users", "user.created"));
        feed.events().append(event(1, "orders", "order.created"));
        feed.events().append(event(2, "users", "user.deleted"));
        model.poll();
        assertThat(model.visibleRows()).extracting(ServiceEvent::type)
                .containsExactly("user.deleted", "order.created", "user.created");

        model.serviceProperty().set("orders");
        assertThat(model.visibleRows()).extracting(ServiceEvent::type).containsExactly("order.created");
        model.serviceProperty().set(EventsViewModel.ALL);
        model.textProperty().set("ann 2");
        assertThat(model.visibleRows()).extracting(ServiceEvent::type).containsExactly("user.deleted");
        model.textProperty().set("DELETED");
        assertThat(model.visibleRows()).hasSize(1);
    }

    @Test
    void describesEachStream() {
        assertThat(EventsViewModel.describe(Map.of("users", StreamState.CONNECTED, "orders", StreamState.WAITING)))
                .isEqualTo("users: live   ·   orders: waiting for the service");
    }
}
