package org.opsconsole.service.order;

/** Every fixed SQL statement of {@link OrderRepository}, by name; portable across H2 and PostgreSQL. */
final class OrderSql {

    static final String COLUMNS = "id, user_id, status, total, created_at, updated_at, version";

    static final String SELECT_ORDER_BY_ID = "SELECT " + COLUMNS + " FROM orders WHERE id = ?";
    static final String SELECT_OPEN_ORDERS_OF_USER = "SELECT " + COLUMNS + " FROM orders WHERE user_id = ?"
            + " AND status IN ('NEW', 'PAID') ORDER BY id";
    static final String COUNT_ORDERS = "SELECT COUNT(*) AS n FROM orders";
    static final String INSERT_ORDER = "INSERT INTO orders (user_id, status, total, created_at, updated_at, version, item_count)"
            + " VALUES (?, ?, ?, ?, ?, 1, ?)";
    static final String INSERT_ITEM = "INSERT INTO order_items (order_id, line, sku, quantity, unit_price)"
            + " VALUES (?, ?, ?, ?, ?)";
    /**
     * The number of lines of orders written without it (0; every order has a line) by an instance
     * of a version before migration V5, still running while a newer one starts.
     */
    static final String FILL_MISSING_ITEM_COUNTS = "UPDATE orders SET item_count ="
            + " (SELECT COUNT(*) FROM order_items i WHERE i.order_id = orders.id) WHERE item_count = 0";
    static final String UPDATE_STATUS_AT_VERSION = "UPDATE orders SET status = ?, updated_at = ?,"
            + " version = version + 1 WHERE id = ? AND version = ?";
    static final String DELETE_ITEMS_OF_ORDER = "DELETE FROM order_items WHERE order_id = ?";
    static final String DELETE_ORDER = "DELETE FROM orders WHERE id = ?";
    /** The offset row is created by the migrations; locking it makes instances apply events one at a time. */
    static final String SELECT_OFFSET_FOR_UPDATE = "SELECT last_event_id FROM consumer_offsets WHERE source = ?"
            + " FOR UPDATE";
    static final String SELECT_OFFSET = "SELECT last_event_id FROM consumer_offsets WHERE source = ?";
    static final String UPDATE_OFFSET = "UPDATE consumer_offsets SET last_event_id = ? WHERE source = ?";
    static final String RAISE_OFFSET = UPDATE_OFFSET + " AND last_event_id < ?";
    static final String INSERT_APPLIED_EVENT = "INSERT INTO applied_events (source, event_id) VALUES (?, ?)";
    /** A listing's items are read with an IN list of its orders. */
    static final String SELECT_ITEMS_OF_ORDERS = "SELECT order_id, sku, quantity, unit_price FROM order_items"
            + " WHERE order_id IN (%s) ORDER BY order_id, line";

    private OrderSql() {
    }
}
