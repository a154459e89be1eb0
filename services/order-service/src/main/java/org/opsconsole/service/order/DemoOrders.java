package org.opsconsole.service.order;

import org.opsconsole.model.OrderItem;
import org.opsconsole.model.OrderStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A repeatable demo data set for a new data folder: 300 orders of the demo users 1 to 40, in every
 * status, with one to four items each.
 */
final class DemoOrders {

    static final int COUNT = 300;
    static final int USERS = 40;

    static final String[] SKUS = {"KB-101", "MS-220", "MN-27Q", "HD-USB3", "CB-USBC", "LP-STD", "HS-PRO",
        "WC-HD", "DK-TB4", "SSD-1T"};
    static final String[] PRICES = {"49.90", "24.50", "329.00", "89.99", "12.00", "39.95", "149.00",
        "59.00", "219.00", "99.49"};
    static final OrderStatus[] STATUS_MIX = {OrderStatus.NEW, OrderStatus.NEW, OrderStatus.PAID,
        OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.DELIVERED, OrderStatus.CANCELLED};

    private DemoOrders() {
    }

    static int seed(OrderRepository orders) {
        Random random = new Random(42);
        for (int i = 0; i < COUNT; i++) {
            List<OrderItem> items = new ArrayList<>();
            int lines = 1 + random.nextInt(4);
            for (int line = 0; line < lines; line++) {
                int product = random.nextInt(SKUS.length);
                items.add(new OrderItem(SKUS[product], 1 + random.nextInt(3), new BigDecimal(PRICES[product])));
            }
            orders.create(1 + random.nextInt(USERS), items, STATUS_MIX[random.nextInt(STATUS_MIX.length)]);
        }
        return COUNT;
    }
}
