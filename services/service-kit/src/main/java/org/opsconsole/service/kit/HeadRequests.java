package org.opsconsole.service.kit;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.MethodPredicate;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code HEAD} on every path that answers {@code GET} (RFC 9110 9.3.2): the same status and
 * headers, {@code Content-Length} included, and no body. Helidon routes HEAD only where a route
 * names it and sends whatever body a handler gives, so every GET route is registered through
 * {@link #get} and every answer's bytes go out through {@link #send}, which leaves the body off
 * while a HEAD request is being handled.
 */
public final class HeadRequests implements Filter {

    private static final ScopedValue<Boolean> HEAD = ScopedValue.newInstance();
    private static final MethodPredicate GET_OR_HEAD = Method.predicate(Method.GET, Method.HEAD);

    /** Registers a handler for GET and HEAD on a path pattern. */
    public static void get(HttpRules rules, String pathPattern, Handler handler) {
        rules.route(GET_OR_HEAD, PathMatchers.create(pathPattern), handler);
    }

    /** Sends a body, or only its headers (with the length the body has) when the request is a HEAD. */
    public static void send(ServerResponse res, String contentType, byte[] body) {
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        if (HEAD.isBound()) {
            res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    /** Whether the request being handled on this thread is a HEAD. */
    static boolean active() {
        return HEAD.isBound();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (Method.HEAD.equals(req.prologue().method())) {
            ScopedValue.where(HEAD, Boolean.TRUE).run(chain::proceed);
        } else {
            chain.proceed();
        }
    }
}
