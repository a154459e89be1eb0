package org.opsconsole.console.api;

import com.fasterxml.jackson.core.type.TypeReference;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderDraft;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.Page;
import org.opsconsole.model.StatusChange;

import java.net.URI;
import java.util.Map;

/** The orders service's REST API, typed. Every method blocks: call it off the FX thread. */
public final class OrdersApi {

    private final RestCalls calls;

    public OrdersApi(OkHttpClient http, URI baseUri, String apiToken) {
        this.calls = new RestCalls(http, baseUri, "orders", apiToken);
    }

    public URI baseUri() {
        return calls.baseUri();
    }

    /**
     * One page of orders, optionally of one user and in one status (null for any).
     *
     * @param sort id, userId, status, total, items, createdAt, updatedAt or version, with a leading '-' for descending; null for id
     */
    public Page<Order> list(Long userId, OrderStatus status, String sort, int limit, int offset) {
        HttpUrl.Builder url = calls.url("/orders")
                .addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("offset", Integer.toString(offset));
        if (userId != null) {
            url.addQueryParameter("userId", Long.toString(userId));
        }
        if (status != null) {
            url.addQueryParameter("status", status.name());
        }
        if (sort != null) {
            url.addQueryParameter("sort", sort);
        }
        return calls.get(url.build(), calls.type(new TypeReference<Page<Order>>() { }));
    }

    /** The page a link of a previous page names (its {@code next}: a cursor), of {@code limit} rows. */
    public Page<Order> page(String link, int limit) {
        return calls.get(calls.link(link, limit), calls.type(new TypeReference<Page<Order>>() { }));
    }

    public Order get(long id) {
        return calls.get(calls.url("/orders/" + id).build(), calls.type(Order.class));
    }

    public Order create(OrderDraft draft) {
        return calls.send("POST", calls.url("/orders").build(), draft, calls.type(Order.class), Map.of());
    }

    /** Moves an order to {@code status}; refused (409) for a move the status machine forbids. */
    public Order changeStatus(long id, OrderStatus status, Long expectedVersion) {
        return calls.send("PATCH", calls.url("/orders/" + id).build(), new StatusChange(status.name()),
                calls.type(Order.class),
                RestCalls.ifMatch(expectedVersion));
    }

    public void delete(long id, Long expectedVersion) {
        calls.send("DELETE", calls.url("/orders/" + id).build(), null, null,
                RestCalls.ifMatch(expectedVersion));
    }
}
