package org.opsconsole.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A stored order, as the order service returns it. {@code total} is the exact sum of its items. */
public record Order(long id, long userId, OrderStatus status, List<OrderItem> items, BigDecimal total,
                    Instant createdAt, Instant updatedAt, long version) {
}
