package org.opsconsole.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands. It moves NEW -> PAID -> SHIPPED -> DELIVERED, and from NEW or PAID to
 * CANCELLED; every other move is refused.
 */
public enum OrderStatus {
    NEW, PAID, SHIPPED, DELIVERED, CANCELLED;

    /** The statuses this one may move to, in the order a user would offer them. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Open orders are the ones a deleted user's cancellation applies to. */
    public boolean isOpen() {
        return canMoveTo(CANCELLED);
    }
}
