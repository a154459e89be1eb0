package org.opsconsole.service.order;

import org.opsconsole.model.OrderStatus;
import org.opsconsole.service.kit.BulkRows;
import org.opsconsole.service.kit.Database;

import java.util.Arrays;
import java.util.logging.Logger;

/**
 * A large demo data set for a new database ({@code serve --demo-data N}): three orders for each of
 * the users 1 to N (spread over them), one line each of the small set's products, in the small
 * set's mix of statuses. Made by the database in bulk, so they have no events.
 */
final class DemoOrdersAtScale {

    static final int ORDERS_PER_USER = 3;

    private DemoOrdersAtScale() {
    }

    static void fill(Database db, long users, Logger log) {
        long count = users * ORDERS_PER_USER;
        BulkRows bulk = new BulkRows(db);
        // a large prime spreads the orders over the users; the line's product and quantity follow the order's number
        String user = "1 + MOD(r.x * 7919, " + users + ")";
        String product = "MOD(r.x * 3, " + DemoOrders.SKUS.length + ")";
        String sku = BulkRows.pick(product, DemoOrders.SKUS);
        String price = "CAST(" + BulkRows.pick(product, DemoOrders.PRICES) + " AS DECIMAL(9, 2))";
        String quantity = "(1 + MOD(r.x, 3))";
        String status = BulkRows.pick("r.x", Arrays.stream(DemoOrders.STATUS_MIX).map(OrderStatus::name).toArray(String[]::new));
        String created = BulkRows.secondsAgo("r.x", count);
        long step = Math.max(1, count / 10);
        bulk.fill("orders", true, count, "INSERT INTO orders (id, user_id, status, total, created_at, updated_at, version, item_count)"
                + " SELECT r.x, " + user + ", " + status + ", " + quantity + " * " + price + ", " + created + ", "
                + created + ", 1, 1 FROM " + bulk.numbers(), done -> {
                    if (done % step < 50_000 || done == count) {
                        log.info(() -> String.format("demo data: %,d of %,d orders", done, count));
                    }
                });
        bulk.fill("order_items", false, count, "INSERT INTO order_items (order_id, line, sku, quantity, unit_price)"
                + " SELECT r.x, 1, " + sku + ", " + quantity + ", " + price + " FROM " + bulk.numbers(), done -> { });
    }
}
