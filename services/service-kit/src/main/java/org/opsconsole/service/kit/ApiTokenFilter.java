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
import java.util.Locale;
import java.util.Set;

/**
 * With an API token configured, every request that changes data (any method but GET, HEAD and
 * OPTIONS, on any path) must carry {@code Authorization: Bearer <token>}; the scheme's name is
 * case-insensitive (RFC 9110), the token is compared in the same time whatever the guess. On a
 * service bound off loopback, reads need the token too (users, orders and events are personal
 * data), except {@code /observe/*} and {@code /openapi}, which monitoring and clients read
 * without one.
 */
final class ApiTokenFilter implements Filter {

    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);
    private static final String SCHEME = "bearer ";

    private final byte[] expected;
    private final boolean readsNeedToken;

    ApiTokenFilter(String token, boolean readsNeedToken) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
        this.readsNeedToken = readsNeedToken;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        boolean read = SAFE.contains(req.prologue().method());
        if (read && (!readsNeedToken || isOpen(req.path().path()))) {
            chain.proceed();
            return;
        }
        if (carriesToken(req.headers().first(HeaderNames.AUTHORIZATION).orElse(""))) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
        ProblemResponses.send(res, ProblemResponses.problem(Status.UNAUTHORIZED_401, read
                ? "This service requires 'Authorization: Bearer <token>' on every request but /observe and /openapi"
                : "This service requires 'Authorization: Bearer <token>' on requests that change data"));
    }

    private boolean carriesToken(String header) {
        boolean bearer = header.length() > SCHEME.length()
                && header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME);
        byte[] given = (bearer ? header.substring(SCHEME.length()) : "").getBytes(StandardCharsets.UTF_8);
        // always compare, so that a wrong scheme takes as long as a wrong token
        return MessageDigest.isEqual(expected, given) && bearer;
    }

    /** What stays readable without a token off loopback: health, metrics and the API documents. */
    static boolean isOpen(String path) {
        return path.equals("/observe") || path.startsWith("/observe/")
                || path.equals("/openapi") || path.startsWith("/openapi/");
    }
}
