package org.opsconsole.model;

import java.util.List;

/** The body of {@code POST /orders}: the user who orders and the items. */
public record OrderDraft(Long userId, List<OrderItem> items) {
}
