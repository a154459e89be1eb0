package org.opsconsole.model;

import java.math.BigDecimal;

/**
 * One line of an order. {@code quantity} is boxed so that a missing value can be told from zero;
 * {@code unitPrice} is money, written as a decimal string with two places.
 */
public record OrderItem(String sku, Integer quantity, BigDecimal unitPrice) {

    /** The line's amount, {@code quantity * unitPrice}. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
