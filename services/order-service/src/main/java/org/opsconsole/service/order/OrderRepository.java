package org.opsconsole.service.order;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.http.Status;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderItem;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.Page;
import org.opsconsole.service.kit.Database;
import org.opsconsole.service.kit.Inserts;
import org.opsconsole.service.kit.Outbox;
import org.opsconsole.service.kit.ProblemException;
import org.opsconsole.service.kit.Rows;

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

/** Orders and their items in the database, and their events in the outbox, one transaction per change. */
final class OrderRepository {

    private static final String COLUMNS = "id, user_id, status, total, created_at, updated_at, version";

    private final Database db;
    private final Outbox outbox;

    OrderRepository(Database db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    Page<Order> list(Long userId, OrderStatus status, int limit, int offset) {
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
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        DbExecute exec = db.client().execute();
        long total = exec.get("SELECT COUNT(*) FROM orders" + where, params.toArray())
                .map(row -> ((Number) row.column(1).get()).longValue()).orElse(0L);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(offset);
        pageParams.add(limit);
        List<DbRow> rows;
        try (Stream<DbRow> stream = exec.query("SELECT " + COLUMNS + " FROM orders" + where
                + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", pageParams.toArray())) {
            rows = stream.toList();
        }
        Map<Long, List<OrderItem>> items = itemsOf(exec, rows.stream().map(r -> Rows.longValue(r, "ID")).toList());
        return new Page<>(rows.stream().map(r -> toOrder(r, items)).toList(), total, limit, offset);
    }

    Optional<Order> find(long id) {
        return find(db.client().execute(), id);
    }

    private static Optional<Order> find(DbExecute exec, long id) {
        return exec.get("SELECT " + COLUMNS + " FROM orders WHERE id = ?", id)
                .map(row -> toOrder(row, itemsOf(exec, List.of(id))));
    }

    Order create(long userId, List<OrderItem> items) {
        return create(userId, items, OrderStatus.NEW);
    }

    /** Creates an order directly in {@code status}; demo data uses it for orders already under way. */
    Order create(long userId, List<OrderItem> items, OrderStatus status) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BigDecimal total = items.stream().map(OrderItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2);
        Outbox.Pending[] event = new Outbox.Pending[1];
        try {
            return db.inTransaction(tx -> {
                long id = Inserts.returningId(tx, "INSERT INTO orders (user_id, status, total, created_at,"
                        + " updated_at, version) VALUES (?, ?, ?, ?, ?, 1)",
                        userId, status.name(), total, Rows.param(now), Rows.param(now));
                int line = 0;
                for (OrderItem item : items) {
                    tx.insert("INSERT INTO order_items (order_id, line, sku, quantity, unit_price) VALUES (?, ?, ?, ?, ?)",
                            id, ++line, item.sku(), item.quantity(), item.unitPrice().setScale(2));
                }
                Order order = new Order(id, userId, status, normalised(items), total, now, now, 1);
                event[0] = outbox.append(tx, "order.created", id, order);
                return order;
            });
        } finally {
            done(event[0]);
        }
    }

    Order changeStatus(long id, OrderStatus target, Long expectedVersion) {
        Outbox.Pending[] event = new Outbox.Pending[1];
        try {
            return db.inTransaction(tx -> {
                Order current = find(tx, id).orElseThrow(() -> ProblemException.notFound("Order", id));
                if (expectedVersion != null && current.version() != expectedVersion) {
                    throw stale(current, expectedVersion);
                }
                if (!current.status().canMoveTo(target)) {
                    throw ProblemException.conflict("Order " + id + " is " + current.status() + " and cannot move to "
                            + target + "; " + allowedMoves(current.status()));
                }
                Order changed = moveTo(tx, current, target);
                event[0] = outbox.append(tx, "order.status-changed", id, statusChange(current.status(), changed));
                return changed;
            });
        } finally {
            done(event[0]);
        }
    }

    void delete(long id, Long expectedVersion) {
        Outbox.Pending[] event = new Outbox.Pending[1];
        try {
            db.inTransaction(tx -> {
                Order current = find(tx, id).orElseThrow(() -> ProblemException.notFound("Order", id));
                if (expectedVersion != null && current.version() != expectedVersion) {
                    throw stale(current, expectedVersion);
                }
                tx.delete("DELETE FROM order_items WHERE order_id = ?", id);
                tx.delete("DELETE FROM orders WHERE id = ?", id);
                event[0] = outbox.append(tx, "order.deleted", id, current);
                return null;
            });
        } finally {
            done(event[0]);
        }
    }

    /** The id of the last event of {@code source} this service has applied (0 for none). */
    long offset(String source) {
        return db.client().execute().get("SELECT last_event_id FROM consumer_offsets WHERE source = ?", source)
                .map(row -> Rows.longValue(row, "LAST_EVENT_ID")).orElse(0L);
    }

    /**
     * Cancels every open order of a deleted user and records the event as applied, in one
     * transaction: a crash before commit repeats the work, after it never does.
     */
    int cancelOpenOrdersOf(long userId, String source, long eventId) {
        List<Outbox.Pending> events = new ArrayList<>();
        try {
            return db.inTransaction(tx -> {
                List<Order> open;
                try (Stream<DbRow> rows = tx.query("SELECT " + COLUMNS + " FROM orders WHERE user_id = ?"
                        + " AND status IN ('NEW', 'PAID') ORDER BY id", userId)) {
                    open = rows.map(row -> toOrder(row, Map.of())).toList();
                }
                for (Order order : open) {
                    Order withItems = find(tx, order.id()).orElseThrow();
                    Order cancelled = moveTo(tx, withItems, OrderStatus.CANCELLED);
                    events.add(outbox.append(tx, "order.status-changed", order.id(),
                            statusChange(order.status(), cancelled)));
                }
                saveOffset(tx, source, eventId);
                return open.size();
            });
        } finally {
            events.forEach(Outbox.Pending::done);
        }
    }

    /** Records an event as applied when it needs no other change. */
    void skip(String source, long eventId) {
        db.inTransaction(tx -> {
            saveOffset(tx, source, eventId);
            return null;
        });
    }

    long count() {
        return db.client().execute().get("SELECT COUNT(*) FROM orders")
                .map(row -> ((Number) row.column(1).get()).longValue()).orElse(0L);
    }

    private static void saveOffset(DbExecute tx, String source, long eventId) {
        if (tx.update("UPDATE consumer_offsets SET last_event_id = ? WHERE source = ?", eventId, source) == 0) {
            tx.insert("INSERT INTO consumer_offsets (source, last_event_id) VALUES (?, ?)", source, eventId);
        }
    }

    private static Order moveTo(DbExecute tx, Order current, OrderStatus target) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long updated = tx.update("UPDATE orders SET status = ?, updated_at = ?, version = version + 1"
                + " WHERE id = ? AND version = ?", target.name(), Rows.param(now), current.id(), current.version());
        if (updated == 0) {
            throw new ProblemException(Status.CONFLICT_409, "Order " + current.id()
                    + " changed while this request was applied; retry");
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

    private static ProblemException stale(Order current, long expected) {
        return new ProblemException(Status.PRECONDITION_FAILED_412, "Order " + current.id()
                + " has changed: it is at version " + current.version() + ", the request expected version "
                + expected + ". Reload it and apply the change again.");
    }

    static String allowedMoves(OrderStatus status) {
        return status.next().isEmpty()
                ? "it is final"
                : "allowed: " + status.next().stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static void done(Outbox.Pending pending) {
        if (pending != null) {
            pending.done();
        }
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
        try (Stream<DbRow> rows = exec.query("SELECT order_id, sku, quantity, unit_price FROM order_items"
                + " WHERE order_id IN (" + placeholders + ") ORDER BY order_id, line", orderIds.toArray())) {
            rows.forEach(row -> items.computeIfAbsent(Rows.longValue(row, "ORDER_ID"), k -> new ArrayList<>())
                    .add(new OrderItem(Rows.text(row, "SKU"), ((Number) row.column("QUANTITY").get()).intValue(),
                            row.column("UNIT_PRICE").get(BigDecimal.class).setScale(2))));
        }
        return items;
    }

    private static Order toOrder(DbRow row, Map<Long, List<OrderItem>> items) {
        long id = Rows.longValue(row, "ID");
        return new Order(id, Rows.longValue(row, "USER_ID"), OrderStatus.valueOf(Rows.text(row, "STATUS")),
                List.copyOf(items.getOrDefault(id, List.of())), row.column("TOTAL").get(BigDecimal.class).setScale(2),
                Rows.instant(row, "CREATED_AT"), Rows.instant(row, "UPDATED_AT"), Rows.longValue(row, "VERSION"));
    }
}
