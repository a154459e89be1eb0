package org.opsconsole.service.kit;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * With an API token configured, every mutating request must carry {@code Authorization: Bearer
 * <token>}; the comparison takes the same time whatever the guess.
 */
final class ApiTokenFilter implements Filter {

    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);

    private final byte[] expected;

    ApiTokenFilter(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (SAFE.contains(req.prologue().method())) {
            chain.proceed();
            return;
        }
        byte[] given = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expected, given)) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        ProblemResponses.send(res, ProblemResponses.problem(Status.UNAUTHORIZED_401,
                "This service requires 'Authorization: Bearer <token>' on requests that change data"));
    }
}
