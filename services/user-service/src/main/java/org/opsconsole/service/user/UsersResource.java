package org.opsconsole.service.user;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;
import org.opsconsole.service.kit.DomainException;
import org.opsconsole.service.kit.HeadRequests;
import org.opsconsole.service.kit.JsonBodies;
import org.opsconsole.service.kit.Listing;
import org.opsconsole.service.kit.ProblemException;
import org.opsconsole.service.kit.RequestParams;
import org.opsconsole.service.kit.Validation;

/** {@code /users}: list with paging, search and sort; read; create; replace; delete. */
final class UsersResource implements HttpService {

    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    private static final int QUERY_MAX = 100;

    private final UserRepository users;

    UsersResource(UserRepository users) {
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        HeadRequests.get(rules, "/", this::list);
        HeadRequests.get(rules, "/{id}", this::get);
        rules.post("/", this::create)
                .put("/{id}", this::replace)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        String query = RequestParams.query(req, "q").orElse(null);
        if (query != null && query.length() > QUERY_MAX) {
            throw ProblemException.badRequest("q", "must be at most " + QUERY_MAX + " characters long");
        }
        JsonBodies.send(res, users.list(query, Listing.window(req, UserRepository.SORT_KEYS)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        long id = RequestParams.id(req);
        User user = users.find(id).orElseThrow(() -> new DomainException.NotFound("User", id));
        res.header(HeaderNames.ETAG, RequestParams.etag(user.version()));
        JsonBodies.send(res, user);
    }

    private void create(ServerRequest req, ServerResponse res) {
        User user = users.create(validDraft(req));
        res.status(Status.CREATED_201);
        res.header(HeaderNames.LOCATION, "/users/" + user.id());
        res.header(HeaderNames.ETAG, RequestParams.etag(user.version()));
        JsonBodies.send(res, user);
    }

    private void replace(ServerRequest req, ServerResponse res) {
        long id = RequestParams.id(req);
        Long expected = RequestParams.expectedVersion(req);
        User user = users.update(id, validDraft(req), expected);
        res.header(HeaderNames.ETAG, RequestParams.etag(user.version()));
        JsonBodies.send(res, user);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        long id = RequestParams.id(req);
        users.delete(id, RequestParams.expectedVersion(req));
        res.status(Status.NO_CONTENT_204);
        res.send();
    }

    /** Reads and checks a user body; shared with the article's original {@code POST /user}. */
    static UserDraft validDraft(ServerRequest req) {
        UserDraft draft = JsonBodies.read(req, UserDraft.class);
        Validation validation = new Validation()
                .text("name", draft.name(), 1, NAME_MAX)
                .text("email", draft.email(), 3, EMAIL_MAX);
        if (draft.email() != null && !validation.hasErrorOn("email")) {
            EmailAddress.problem(draft.email().strip()).ifPresent(problem -> validation.error("email", problem));
        }
        validation.check();
        return new UserDraft(draft.name().strip(), draft.email().strip());
    }
}
