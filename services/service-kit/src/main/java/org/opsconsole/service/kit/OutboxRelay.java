package org.opsconsole.service.kit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import org.opsconsole.model.ServiceEvent;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Publishes every committed outbox event to the broker's topic exchange, in id order, persistent,
 * with publisher confirms: an event counts as published once the broker confirmed it, and only
 * then does the relay's position (a row in the service's database) move past it. After a crash
 * or a broker outage it resumes from the last confirmed position, so an event may be published
 * twice but never lost; consumers ignore what they already applied.
 */
final class OutboxRelay extends BackgroundWorker {

    private static final int BATCH = 500;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final String RELAY = "broker";

    private final String service;
    private final Outbox outbox;
    private final Database db;
    private final Broker broker;
    private final Logger log;
    private final Counter published;

    OutboxRelay(ServiceContext context, Broker broker) {
        super(context.name() + "-outbox-relay");
        this.service = context.name();
        this.outbox = context.outbox();
        this.db = context.database();
        this.broker = broker;
        this.log = context.log();
        this.published = Counter.builder("outbox.events.published")
                .description("Events the broker confirmed")
                .register(context.metrics().registry());
        Gauge.builder("outbox.events.pending", this, OutboxRelay::pending)
                .description("Committed events not yet confirmed by the broker")
                .register(context.metrics().registry());
    }

    /**
     * The relay's meters for a service without a broker: nothing pending, nothing published, so
     * that dashboards find the same series either way.
     */
    static void registerWithoutBroker(ServiceMetrics metrics) {
        Counter.builder("outbox.events.published").description("Events the broker confirmed")
                .register(metrics.registry());
        Gauge.builder("outbox.events.pending", () -> 0)
                .description("Committed events not yet confirmed by the broker")
                .register(metrics.registry());
    }

    @Override
    protected void work() {
        while (running()) {
            try (Connection connection = broker.connect(service + "-outbox-relay");
                 Channel channel = connection.createChannel()) {
                log.info("outbox relay: publishing events to " + broker.maskedUrl() + " from event " + position());
                connection.addShutdownListener(cause -> {
                    if (!cause.isInitiatedByApplication()) {
                        broker.unreachable(cause);
                        outbox.wakeAll();
                    }
                });
                Broker.declareTopology(channel);
                channel.confirmSelect();
                succeeded();
                relay(channel);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running()) {
                    return;
                }
                broker.unreachable(e);
                failed(log, "outbox relay: " + broker.problem().orElse(e.toString())
                        + "; events wait in the outbox and are published once it is back");
                if (!backOff()) {
                    return;
                }
            }
        }
    }

    private void relay(Channel channel) throws Exception {
        while (running()) {
            if (!channel.isOpen()) {
                throw new java.io.IOException("the broker closed the connection");
            }
            long seen = outbox.changeCount();
            long after = position();
            List<ServiceEvent> batch = outbox.after(after, BATCH);
            if (batch.isEmpty()) {
                outbox.awaitChange(seen, IDLE_WAIT);
                continue;
            }
            for (ServiceEvent event : batch) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .contentType("application/json")
                        .deliveryMode(2)
                        .messageId(service + ":" + event.id())
                        .type(event.type())
                        .appId(service)
                        .timestamp(java.util.Date.from(event.time()))
                        .build();
                channel.basicPublish(Broker.EXCHANGE, event.type(), properties, JsonBodies.bytes(event));
            }
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            long last = batch.getLast().id();
            db.client().execute().update("UPDATE outbox_relay SET last_event_id = ? WHERE relay = ?"
                    + " AND last_event_id < ?", last, RELAY, last);
            published.increment(batch.size());
        }
    }

    private long position() {
        return db.client().execute().get("SELECT last_event_id FROM outbox_relay WHERE relay = ?", RELAY)
                .map(row -> Rows.longValue(row, "LAST_EVENT_ID"))
                .orElseThrow(() -> new IllegalStateException("no outbox_relay row; the migrations create it"));
    }

    private double pending() {
        try {
            return db.client().execute().get("SELECT COUNT(*) AS n FROM outbox WHERE id > (SELECT last_event_id"
                    + " FROM outbox_relay WHERE relay = ?)", RELAY).map(row -> Rows.longValue(row, "N")).orElse(0L);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
