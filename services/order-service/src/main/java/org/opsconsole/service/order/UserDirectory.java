package org.opsconsole.service.order;

import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;
import io.helidon.faulttolerance.Retry;
import io.helidon.faulttolerance.Timeout;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import org.opsconsole.service.kit.ProblemException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the user service whether a user exists, behind a timeout, a bounded retry and a circuit
 * breaker (Helidon fault tolerance), so that a slow or stopped user service costs an order
 * request a quick 503, never a hang.
 */
final class UserDirectory {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(1500);
    static final Duration PROBE_EVERY = Duration.ofSeconds(2);

    private final WebClient client;
    private final Timeout timeout;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Logger log;
    private final String authorization;
    private final URI userService;
    private final Object probing = new Object();
    private long probedAtNanos;
    private Optional<String> lastProblem = Optional.empty();

    /** {@code token}: the users service's API token (it guards reads when bound off loopback); null for none. */
    UserDirectory(URI userService, String token, Logger log) {
        this.log = log;
        this.authorization = token == null ? null : "Bearer " + token;
        this.userService = userService;
        this.client = WebClient.builder()
                .baseUri(userService)
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build();
        this.timeout = Timeout.builder().timeout(LOOKUP_TIMEOUT).build();
        this.retry = Retry.builder()
                .calls(2)
                .delay(Duration.ofMillis(100))
                .overallTimeout(Duration.ofSeconds(3))
                .addApplyOn(UserServiceDown.class)
                .build();
        this.breaker = CircuitBreaker.builder()
                .volume(10)
                .errorRatio(60)
                .delay(RETRY_AFTER)
                .successThreshold(1)
                .addApplyOn(UserServiceDown.class)
                .build();
    }

    /**
     * True when the user exists, false when the user service says it does not; a 503 problem when
     * the user service can't be asked.
     */
    boolean exists(long userId) {
        try {
            return breaker.invoke(() -> retry.invoke(() -> timeout.invoke(lookup(userId))));
        } catch (CircuitBreakerOpenException e) {
            throw unavailable("the user service is failing; orders are refused for a few seconds");
        } catch (UserServiceDown e) {
            throw unavailable(e.getMessage());
        } catch (RuntimeException e) {
            log.log(Level.FINE, "user lookup failed", e);
            throw unavailable("the user service did not answer within " + LOOKUP_TIMEOUT.toMillis() + " ms");
        }
    }

    /**
     * Why the user service can't be asked now (unreachable, answering errors, the breaker open), for
     * the health answer; empty while it can. Asks its liveness at most every {@link #PROBE_EVERY},
     * as monitors ask for health often.
     */
    Optional<String> problem() {
        if (breaker.state() == CircuitBreaker.State.OPEN) {
            return Optional.of("the user service at " + userService + " is failing: new orders are refused (503) for a few seconds");
        }
        synchronized (probing) {
            long now = System.nanoTime();
            if (probedAtNanos == 0 || now - probedAtNanos >= PROBE_EVERY.toNanos()) {
                lastProblem = probe();
                probedAtNanos = System.nanoTime();
            }
            return lastProblem;
        }
    }

    private Optional<String> probe() {
        var request = client.get("/observe/health/live");
        if (authorization != null) {
            request.header(HeaderNames.AUTHORIZATION, authorization);
        }
        try (HttpClientResponse res = request.request()) {
            int status = res.status().code();
            return status == 200 ? Optional.empty()
                    : Optional.of("the user service at " + userService + " answers " + status + ": new orders are refused (503) until it is well");
        } catch (RuntimeException e) {
            log.log(Level.FINE, "user service probe failed", e);
            return Optional.of("the user service at " + userService + " is unreachable: new orders are refused (503) until it is back");
        }
    }

    private Supplier<Boolean> lookup(long userId) {
        return () -> {
            var request = client.get("/users/" + userId).header(HeaderNames.ACCEPT, "application/json");
            if (authorization != null) {
                request.header(HeaderNames.AUTHORIZATION, authorization);
            }
            try (HttpClientResponse res = request.request()) {
                int status = res.status().code();
                if (status == 200) {
                    return true;
                }
                if (status == 404) {
                    return false;
                }
                throw new UserServiceDown("the user service answered " + status);
            } catch (UserServiceDown e) {
                throw e;
            } catch (RuntimeException e) {
                throw new UserServiceDown(whyNoAnswer(e), e);
            }
        };
    }

    /** A busy user service is not a missing one: say which it was, with the limit it missed. */
    private static String whyNoAnswer(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return "the user service is unreachable (it refused the connection)";
            }
            if (cause instanceof java.net.SocketTimeoutException timeout) {
                return timeout.getMessage() != null && timeout.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")
                        ? "the user service did not accept a connection within " + CONNECT_TIMEOUT.toMillis() + " ms"
                        : "the user service did not answer within " + READ_TIMEOUT.toMillis() + " ms";
            }
        }
        return "the user service is unreachable";
    }

    private static ProblemException unavailable(String reason) {
        return ProblemException.unavailable("The order was not stored: " + reason + ". Try again later.", RETRY_AFTER);
    }

    /** The user service could not give an answer (down, erroring, too slow). */
    static final class UserServiceDown extends RuntimeException {
        UserServiceDown(String message) {
            super(message, null, false, false);
        }

        UserServiceDown(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
