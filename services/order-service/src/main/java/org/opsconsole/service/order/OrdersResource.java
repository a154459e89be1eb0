package org.opsconsole.service.order;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderDraft;
import org.opsconsole.model.OrderItem;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.StatusChange;
import org.opsconsole.service.kit.DomainException;
import org.opsconsole.service.kit.HeadRequests;
import org.opsconsole.service.kit.JsonBodies;
import org.opsconsole.service.kit.Listing;
import org.opsconsole.service.kit.ProblemException;
import org.opsconsole.service.kit.RequestParams;
import org.opsconsole.service.kit.Validation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code /orders}: list by user and status, read, create, change status, delete. */
final class OrdersResource implements HttpService {

    static final int MAX_ITEMS = 100;
    static final int MAX_QUANTITY = 10_000;
    static final int SKU_MAX = 64;
    static final BigDecimal MIN_PRICE = new BigDecimal("0.01");
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private final OrderRepository orders;
    private final UserDirectory users;

    OrdersResource(OrderRepository orders, UserDirectory users) {
        this.orders = orders;
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        HeadRequests.get(rules, "/", this::list);
        HeadRequests.get(rules, "/{id}", this::get);
        rules.post("/", this::create)
                .patch("/{id}", this::changeStatus)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Long userId = RequestParams.queryId(req, "userId").orElse(null);
        OrderStatus status = RequestParams.query(req, "status").map(text -> status("status", text, true)).orElse(null);
        JsonBodies.send(res, orders.list(userId, status, Listing.window(req, OrderRepository.SORT_KEYS)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        long id = RequestParams.id(req);
        Order order = orders.find(id).orElseThrow(() -> new DomainException.NotFound("Order", id));
        res.header(HeaderNames.ETAG, RequestParams.etag(order.version()));
        JsonBodies.send(res, order);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Order order = placeOrder(req, orders, users);
        res.status(Status.CREATED_201);
        res.header(HeaderNames.LOCATION, "/orders/" + order.id());
        res.header(HeaderNames.ETAG, RequestParams.etag(order.version()));
        JsonBodies.send(res, order);
    }

    private void changeStatus(ServerRequest req, ServerResponse res) {
        long id = RequestParams.id(req);
        Long expected = RequestParams.expectedVersion(req);
        StatusChange change = JsonBodies.read(req, StatusChange.class);
        if (change.status() == null) {
            throw ProblemException.invalid(List.of(new org.opsconsole.model.FieldError("status", "is required")));
        }
        Order order = orders.changeStatus(id, status("status", change.status(), false), expected);
        res.header(HeaderNames.ETAG, RequestParams.etag(order.version()));
        JsonBodies.send(res, order);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        orders.delete(RequestParams.id(req), RequestParams.expectedVersion(req));
        res.status(Status.NO_CONTENT_204);
        res.send();
    }

    /**
     * Validates an order body, asks the user service about the user, and stores the order; shared
     * with the article's original {@code POST /order}. Nothing is stored unless all of it passes.
     */
    static Order placeOrder(ServerRequest req, OrderRepository orders, UserDirectory users) {
        OrderDraft draft = JsonBodies.read(req, OrderDraft.class);
        validate(draft);
        if (!users.exists(draft.userId())) {
            throw ProblemException.invalid(List.of(new org.opsconsole.model.FieldError("userId",
                    "user " + draft.userId() + " does not exist")));
        }
        List<OrderItem> items = draft.items().stream()
                .map(i -> new OrderItem(i.sku().strip(), i.quantity(), i.unitPrice()))
                .toList();
        return orders.create(draft.userId(), items);
    }

    private static void validate(OrderDraft draft) {
        Validation validation = new Validation().wholeNumber("userId", draft.userId(), 1, Long.MAX_VALUE);
        List<OrderItem> items = draft.items();
        if (items == null) {
            validation.error("items", "is required");
        } else if (items.isEmpty() || items.size() > MAX_ITEMS) {
            validation.error("items", "must hold 1 to " + MAX_ITEMS + " items");
        } else {
            for (int i = 0; i < items.size(); i++) {
                OrderItem item = items.get(i);
                String at = "items[" + i + "]";
                if (item == null) {
                    validation.error(at, "must be an object with sku, quantity and unitPrice");
                    continue;
                }
                validation.text(at + ".sku", item.sku(), 1, SKU_MAX)
                        .wholeNumber(at + ".quantity", item.quantity() == null ? null : item.quantity().longValue(),
                                1, MAX_QUANTITY)
                        .money(at + ".unitPrice", item.unitPrice(), MIN_PRICE, MAX_PRICE);
            }
        }
        validation.check();
    }

    private static OrderStatus status(String field, String text, boolean query) {
        try {
            // exactly as written in the contract: "paid", " PAID " or "CANCELLED\u0000" are not a status
            return OrderStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(OrderStatus.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", written exactly so (in capitals)";
            if (query) {
                throw ProblemException.badRequest(field, "must be one of " + allowed);
            }
            throw ProblemException.invalid(List.of(new org.opsconsole.model.FieldError(field,
                    "must be one of " + allowed)));
        }
    }
}
