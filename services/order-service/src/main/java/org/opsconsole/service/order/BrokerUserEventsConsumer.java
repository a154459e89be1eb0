package org.opsconsole.service.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import org.opsconsole.model.Json;
import org.opsconsole.service.kit.BackgroundWorker;
import org.opsconsole.service.kit.Broker;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies {@code user.deleted} from the broker: the durable queue {@code orders.user-events},
 * bound to the events exchange, is consumed with manual acknowledgements. A message is acked only
 * after the cancelling transaction committed, and an event applied before (a redelivery, or a
 * second publication after a relay restart) is acked without changing anything.
 */
final class BrokerUserEventsConsumer extends BackgroundWorker implements UserEvents {

    static final String QUEUE = Broker.ORDERS_USER_EVENTS;
    private static final int PREFETCH = 50;
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);

    private final OrderRepository orders;
    private final Broker broker;
    private final Logger log;
    /** The connection being consumed on, aborted by {@link #stop()} wherever the loop is. */
    private volatile Connection current;

    BrokerUserEventsConsumer(OrderRepository orders, Broker broker, Logger log) {
        super("orders-broker-user-events");
        this.orders = orders;
        this.broker = broker;
        this.log = log;
    }

    @Override
    protected void work() {
        while (running()) {
            // one latch per connection: a late signal from an old connection can't end a new one
            CountDownLatch closed = new CountDownLatch(1);
            try (Connection connection = broker.connect("orders-user-events");
                 Channel channel = connection.createChannel()) {
                current = connection;
                if (!running()) {
                    return;
                }
                connection.addShutdownListener(cause -> {
                    if (!cause.isInitiatedByApplication()) {
                        broker.unreachable(cause);
                    }
                    closed.countDown();
                });
                // the channel alone may close too (a failed ack, a consumer timeout): reconnect then as well
                channel.addShutdownListener(cause -> closed.countDown());
                Broker.declareTopology(channel);
                channel.basicQos(PREFETCH);
                channel.basicConsume(QUEUE, false, (tag, delivery) -> deliver(channel, delivery), tag -> closed.countDown());
                log.info(() -> "user events: consuming " + QUEUE + " on " + broker.maskedUrl());
                succeeded();
                while (running() && connection.isOpen() && channel.isOpen() && !closed.await(1, TimeUnit.SECONDS)) {
                    // consuming; checked each second so that a missed signal can't hold the loop
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running()) {
                    return;
                }
                broker.unreachable(e);
                failed(log, "user events: " + broker.problem().orElse(e.toString()) + "; will retry");
            }
            current = null;
            if (!backOff()) {
                return;
            }
        }
    }

    /**
     * Deliveries run on the broker client's threads, not the loop's: the connection is aborted
     * here so that a stopped service's consumer takes no further message from the shared queue
     * (its unacknowledged ones go back to the queue for the instances still running).
     */
    @Override
    protected void wakeUp() {
        Connection connection = current;
        if (connection != null) {
            connection.abort(1_000);
        }
    }

    private void deliver(Channel channel, Delivery delivery) throws IOException {
        if (!running()) {
            return; // stopping: left unacknowledged, the broker gives it to a running instance
        }
        long tag = delivery.getEnvelope().getDeliveryTag();
        JsonNode event;
        try {
            event = Json.mapper().readTree(delivery.getBody());
        } catch (IOException e) {
            log.log(Level.WARNING, "user events: dropping a message that is not an event ("
                    + delivery.getProperties().getMessageId() + ")");
            channel.basicReject(tag, false);
            return;
        }
        if (!"user.deleted".equals(event.path("type").asText())) {
            channel.basicAck(tag, false);
            return;
        }
        long userId = event.path("subjectId").asLong();
        long eventId = event.path("id").asLong();
        try {
            int cancelled = orders.cancelOpenOrdersOnce(userId, UserEventsConsumer.SOURCE, eventId);
            if (cancelled > 0) {
                log.info(() -> "user " + userId + " was deleted: cancelled " + cancelled + " open order(s)");
            }
            channel.basicAck(tag, false);
        } catch (RuntimeException e) {
            // the database could not take it now: the broker gives the message again
            log.log(Level.WARNING, "user events: applying event " + eventId + " failed (" + e.getMessage()
                    + "); it will be delivered again");
            try {
                Thread.sleep(RETRY_DELAY);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            channel.basicNack(tag, false, true);
        }
    }
}
