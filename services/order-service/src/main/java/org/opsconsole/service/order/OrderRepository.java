package org.opsconsole.service.order;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderItem;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.Page;
import org.opsconsole.service.kit.Database;
import org.opsconsole.service.kit.DomainException;
import org.opsconsole.service.kit.Inserts;
import org.opsconsole.service.kit.Listing;
import org.opsconsole.service.kit.Outbox;
import org.opsconsole.service.kit.Rows;
import org.opsconsole.service.kit.SortKeys;
import org.opsconsole.service.kit.SqlErrors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.opsconsole.service.order.OrderSql.*;

/**
 * Orders and their items in the database, and their events in the outbox, one transaction per
 * change. Says what went wrong with {@link DomainException}s; the HTTP answer is chosen elsewhere.
 */
final class OrderRepository {

    private final Database db;
    private final Outbox outbox;
    private final Listing listing;

    OrderRepository(Database db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
        this.listing = new Listing(db, "orders", COLUMNS, SORT_KEYS);
    }

    /**
     * Accepted values of {@code sort}; a leading '-' sorts descending. "items" is the number of
     * lines. Each is read through its index (key, id), named for the pages of one status.
     */
    static final SortKeys SORT_KEYS = new SortKeys(Map.of(
            "id", SortKeys.wholeNumber("id"),
            "userId", SortKeys.wholeNumber("user_id").indexedBy("orders_user_id"),
            "status", SortKeys.text("status").indexedBy("orders_status_id"),
            "total", SortKeys.decimal("total").indexedBy("orders_total_id"),
            "createdAt", SortKeys.time("created_at").indexedBy("orders_created_id"),
            "updatedAt", SortKeys.time("updated_at").indexedBy("orders_updated_id"),
            "version", SortKeys.wholeNumber("version").indexedBy("orders_version_id"),
            "items", SortKeys.wholeNumber("item_count").indexedBy("orders_item_count_id")));

    /** A page of orders, of one user and in one status when given. */
    Page<Order> list(Long userId, OrderStatus status, Listing.Window window) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (userId != null) {
            conditions.add("user_id = ?");
            params.add(userId);
        }
        if (status != null) {
            conditions.add("status = ?");
            params.add(status.name());
        }
        Listing.Filter filter = Listing.Filter.of(conditions, params);
        // a user has a few orders, found through the user's index; a status holds a large share of them all
        if (userId != null) {
            filter = filter.withOrderWithin("user_id");
        } else if (status != null) {
            filter = filter.withOrderWithin("status").asBroad();
        }
        return listing.page(filter, window, rows -> {
            Map<Long, List<OrderItem>> items = itemsOf(db.client().execute(), rows.stream().map(r -> Rows.longValue(r, "ID")).toList());
            return rows.stream().map(r -> toOrder(r, items)).toList();
        });
    }

    Optional<Order> find(long id) {
        return find(db.client().execute(), id);
    }

    private static Optional<Order> find(DbExecute exec, long id) {
        return exec.get(SELECT_ORDER_BY_ID, id).map(row -> toOrder(row, itemsOf(exec, List.of(id))));
    }

    Order create(long userId, List<OrderItem> items) {
        return create(userId, items, OrderStatus.NEW);
    }

    /** Creates an order directly in {@code status}; demo data uses it for orders already under way. */
    Order create(long userId, List<OrderItem> items, OrderStatus status) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BigDecimal total = items.stream().map(OrderItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        return outbox.inTransaction(changes -> {
            DbExecute tx = changes.exec();
            long id = Inserts.returningId(tx, INSERT_ORDER, userId, status.name(), total, Rows.param(now), Rows.param(now),
                    items.size());
            int line = 0;
            for (OrderItem item : items) {
                tx.insert(INSERT_ITEM, id, ++line, item.sku(), item.quantity(), item.unitPrice().setScale(2));
            }
            Order order = new Order(id, userId, status, normalised(items), total, now, now, 1);
            changes.emit("order.created", id, order);
            return order;
        });
    }

    Order changeStatus(long id, OrderStatus target, Long expectedVersion) {
        return outbox.inTransaction(changes -> {
            DbExecute tx = changes.exec();
            Order current = find(tx, id).orElseThrow(() -> new DomainException.NotFound("Order", id));
            if (expectedVersion != null && current.version() != expectedVersion) {
                throw new DomainException.StaleVersion("Order", id, current.version(), expectedVersion);
            }
            if (!current.status().canMoveTo(target)) {
                throw new DomainException.Conflict("Order " + id + " is " + current.status() + " and cannot move to "
                        + target + "; " + allowedMoves(current.status()));
            }
            Order changed = moveTo(tx, current, target);
            changes.emit("order.status-changed", id, statusChange(current.status(), changed));
            return changed;
        });
    }

    void delete(long id, Long expectedVersion) {
        outbox.inTransaction(changes -> {
            DbExecute tx = changes.exec();
            Order current = find(tx, id).orElseThrow(() -> new DomainException.NotFound("Order", id));
            if (expectedVersion != null && current.version() != expectedVersion) {
                throw new DomainException.StaleVersion("Order", id, current.version(), expectedVersion);
            }
            tx.delete(DELETE_ITEMS_OF_ORDER, id);
            if (tx.delete(DELETE_ORDER, id) == 0) {
                throw new DomainException.NotFound("Order", id);
            }
            changes.emit("order.deleted", id, current);
            return null;
        });
    }

    /**
     * Counts the lines of the orders that an older instance wrote without their number (the
     * {@code items} sort reads it), through the (item_count, id) index.
     *
     * @return how many orders were counted
     */
    long fillMissingItemCounts() {
        return db.client().execute().update(FILL_MISSING_ITEM_COUNTS);
    }

    /** The id of the last event of {@code source} this service has applied (0 for none). */
    long offset(String source) {
        return db.client().execute().get(SELECT_OFFSET, source)
                .map(row -> Rows.longValue(row, "LAST_EVENT_ID")).orElse(0L);
    }

    /**
     * Cancels every open order of a deleted user and records the event as applied, in one
     * transaction: a crash before commit repeats the work, after it never does. The offset row is
     * locked first, so of several instances reading the same events only the first applies each;
     * the others find it applied and do nothing.
     *
     * @return the number of orders cancelled; 0 also when the event was applied already
     */
    int cancelOpenOrdersOf(long userId, String source, long eventId) {
        return outbox.inTransaction(changes -> {
            DbExecute tx = changes.exec();
            if (lockOffset(tx, source) >= eventId) {
                return 0;
            }
            int cancelled = cancelOpenOrders(changes, userId);
            tx.update(UPDATE_OFFSET, eventId, source);
            return cancelled;
        });
    }

    /**
     * Like {@link #cancelOpenOrdersOf}, for events that may come out of order or twice (from the
     * broker): the event's id is recorded in the same transaction, and an id recorded already
     * changes nothing.
     *
     * @return the number of orders cancelled, or -1 when the event was applied before
     */
    int cancelOpenOrdersOnce(long userId, String source, long eventId) {
        try {
            return outbox.inTransaction(changes -> {
                DbExecute tx = changes.exec();
                tx.insert(INSERT_APPLIED_EVENT, source, eventId);
                int cancelled = cancelOpenOrders(changes, userId);
                tx.update(RAISE_OFFSET, eventId, source, eventId);
                return cancelled;
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return -1;
            }
            throw e;
        }
    }

    private static int cancelOpenOrders(Outbox.Changes changes, long userId) {
        DbExecute tx = changes.exec();
        List<Order> open;
        try (Stream<DbRow> rows = tx.query(SELECT_OPEN_ORDERS_OF_USER, userId)) {
            open = rows.map(row -> toOrder(row, Map.of())).toList();
        }
        for (Order order : open) {
            Order withItems = find(tx, order.id()).orElseThrow();
            Order cancelled = moveTo(tx, withItems, OrderStatus.CANCELLED);
            changes.emit("order.status-changed", order.id(), statusChange(order.status(), cancelled));
        }
        return open.size();
    }

    /** Records an event as applied when it needs no other change; never moves the offset back. */
    void skip(String source, long eventId) {
        db.inTransaction(tx -> {
            if (lockOffset(tx, source) < eventId) {
                tx.update(UPDATE_OFFSET, eventId, source);
            }
            return null;
        });
    }

    long count() {
        return db.client().execute().get(COUNT_ORDERS).map(row -> Rows.longValue(row, "N")).orElse(0L);
    }

    private static long lockOffset(DbExecute tx, String source) {
        return tx.get(SELECT_OFFSET_FOR_UPDATE, source).map(row -> Rows.longValue(row, "LAST_EVENT_ID"))
                .orElseThrow(() -> new IllegalStateException("no consumer offset row for " + source
                        + "; the migrations create it"));
    }

    private static Order moveTo(DbExecute tx, Order current, OrderStatus target) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long updated = tx.update(UPDATE_STATUS_AT_VERSION, target.name(), Rows.param(now), current.id(), current.version());
        if (updated == 0) {
            throw new DomainException.Conflict("Order " + current.id() + " changed while this request was applied; retry");
        }
        return new Order(current.id(), current.userId(), target, current.items(), current.total(),
                current.createdAt(), now, current.version() + 1);
    }

    private static Map<String, Object> statusChange(OrderStatus from, Order order) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from);
        data.put("to", order.status());
        data.put("order", order);
        return data;
    }

    static String allowedMoves(OrderStatus status) {
        return status.next().isEmpty()
                ? "it is final"
                : "allowed: " + status.next().stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static List<OrderItem> normalised(List<OrderItem> items) {
        return items.stream().map(i -> new OrderItem(i.sku(), i.quantity(), i.unitPrice().setScale(2))).toList();
    }

    private static Map<Long, List<OrderItem>> itemsOf(DbExecute exec, List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(orderIds.size(), "?"));
        Map<Long, List<OrderItem>> items = new LinkedHashMap<>();
        try (Stream<DbRow> rows = exec.query(SELECT_ITEMS_OF_ORDERS.formatted(placeholders), orderIds.toArray())) {
            rows.forEach(row -> items.computeIfAbsent(Rows.longValue(row, "ORDER_ID"), k -> new ArrayList<>())
                    .add(new OrderItem(Rows.text(row, "SKU"), (int) Rows.longValue(row, "QUANTITY"),
                            Rows.decimal(row, "UNIT_PRICE").setScale(2))));
        }
        return items;
    }

    private static Order toOrder(DbRow row, Map<Long, List<OrderItem>> items) {
        long id = Rows.longValue(row, "ID");
        return new Order(id, Rows.longValue(row, "USER_ID"), OrderStatus.valueOf(Rows.text(row, "STATUS")),
                List.copyOf(items.getOrDefault(id, List.of())), Rows.decimal(row, "TOTAL").setScale(2),
                Rows.instant(row, "CREATED_AT"), Rows.instant(row, "UPDATED_AT"), Rows.longValue(row, "VERSION"));
    }
}
