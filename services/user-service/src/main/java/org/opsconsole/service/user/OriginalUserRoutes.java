package org.opsconsole.service.user;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.opsconsole.model.OriginalMessage;
import org.opsconsole.service.kit.JsonBodies;
import org.opsconsole.service.kit.DomainException;
import org.opsconsole.service.kit.HeadRequests;
import org.opsconsole.service.kit.ProblemException;
import org.opsconsole.service.kit.RequestParams;

/**
 * The article's {@code user_service.py} endpoints, unchanged for its clients:
 * {@code GET /user?id=} and {@code POST /user} answering {@code {"message":"User created successfully"}}.
 */
final class OriginalUserRoutes implements HttpService {

    private final UserRepository users;

    OriginalUserRoutes(UserRepository users) {
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        HeadRequests.get(rules, "/", this::get);
        rules.post("/", this::create);
    }

    private void get(ServerRequest req, ServerResponse res) {
        String text = RequestParams.query(req, "id")
                .orElseThrow(() -> ProblemException.badRequest("id", "is required, as in /user?id=7"));
        long id = RequestParams.positiveId("id", text);
        JsonBodies.send(res, users.find(id).orElseThrow(() -> new DomainException.NotFound("User", id)));
    }

    private void create(ServerRequest req, ServerResponse res) {
        users.create(UsersResource.validDraft(req));
        JsonBodies.send(res, new OriginalMessage("User created successfully"));
    }
}
