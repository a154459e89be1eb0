package org.opsconsole.service.order;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.opsconsole.model.OriginalMessage;
import org.opsconsole.service.kit.DomainException;
import org.opsconsole.service.kit.HeadRequests;
import org.opsconsole.service.kit.JsonBodies;
import org.opsconsole.service.kit.ProblemException;
import org.opsconsole.service.kit.RequestParams;

/**
 * The article's {@code order_service.py} endpoints, unchanged for its clients:
 * {@code GET /order?id=} and {@code POST /order} answering {@code {"message":"Order created successfully"}}.
 */
final class OriginalOrderRoutes implements HttpService {

    private final OrderRepository orders;
    private final UserDirectory users;

    OriginalOrderRoutes(OrderRepository orders, UserDirectory users) {
        this.orders = orders;
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        HeadRequests.get(rules, "/", this::get);
        rules.post("/", this::create);
    }

    private void get(ServerRequest req, ServerResponse res) {
        String text = RequestParams.query(req, "id")
                .orElseThrow(() -> ProblemException.badRequest("id", "is required, as in /order?id=7"));
        long id = RequestParams.positiveId("id", text);
        JsonBodies.send(res, orders.find(id).orElseThrow(() -> new DomainException.NotFound("Order", id)));
    }

    private void create(ServerRequest req, ServerResponse res) {
        OrdersResource.placeOrder(req, orders, users);
        JsonBodies.send(res, new OriginalMessage("Order created successfully"));
    }
}
