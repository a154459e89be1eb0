package org.opsconsole.service.kit;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.opsconsole.model.Json;
import org.opsconsole.model.Problem;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into an {@code application/problem+json} answer (RFC 9457). Client mistakes
 * keep their 4xx; anything unexpected is a 500 whose body says nothing of the code behind it (no
 * stack trace, SQL or class name), while the log keeps the details.
 */
public final class ProblemResponses {

    private static final Status HEADERS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");

    static final String TOO_LARGE = "The request body is larger than the limit of 1 MiB";

    /** How long a client refused for want of a database connection is asked to wait. */
    static final long POOL_RETRY_AFTER_SECONDS = 1;
    private static final java.time.Duration OVERLOAD_WARNING_EVERY = java.time.Duration.ofSeconds(10);

    private final Logger log;
    private final java.util.concurrent.atomic.AtomicLong lastOverloadWarning = new java.util.concurrent.atomic.AtomicLong();

    ProblemResponses(Logger log) {
        this.log = log;
    }

    static String typeOf(Status status) {
        return "https://opsconsole.org/problems/" + status.code();
    }

    static Problem problem(Status status, String detail) {
        return new Problem(typeOf(status), status.reasonPhrase(), status.code(), detail, List.of());
    }

    static byte[] bytes(Problem problem) {
        try {
            return Json.mapper().writeValueAsBytes(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a problem, unless the response has already gone out. */
    public static void send(ServerResponse res, Problem problem) {
        if (res.isSent()) {
            return;
        }
        res.status(Status.create(problem.status()));
        HeadRequests.send(res, Problem.MEDIA_TYPE, bytes(problem));
    }

    void register(HttpRouting.Builder routing) {
        routing.error(ProblemException.class, this::onProblem)
                .error(DomainException.class, this::onDomain)
                .error(Exception.class, this::onUnexpected);
    }

    private void onDomain(ServerRequest req, ServerResponse res, DomainException e) {
        Status status = switch (e) {
            case DomainException.NotFound notFound -> Status.NOT_FOUND_404;
            case DomainException.Conflict conflict -> Status.CONFLICT_409;
            case DomainException.StaleVersion stale -> Status.PRECONDITION_FAILED_412;
        };
        send(res, problem(status, e.getMessage()));
    }

    private void onProblem(ServerRequest req, ServerResponse res, ProblemException e) {
        if (e.problem().status() == JsonBodies.CLIENT_CLOSED_REQUEST.code()) {
            // counted in the metrics under its own status; there is nobody to send the answer to
            res.status(JsonBodies.CLIENT_CLOSED_REQUEST);
            res.header(HeaderNames.CONNECTION, "close");
            try {
                res.send();
            } catch (RuntimeException gone) {
                log.fine(() -> "A client went away during " + req.prologue().method() + " " + req.path().path());
            }
            return;
        }
        if (e.retryAfter() != null) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        send(res, e.problem());
    }

    /** Once in a while, not once per refused request: an overload refuses many at once. */
    private void overloadWarning(ServerRequest req, Exception e) {
        long now = System.nanoTime();
        long last = lastOverloadWarning.get();
        if (last != 0 && now - last < OVERLOAD_WARNING_EVERY.toNanos() || !lastOverloadWarning.compareAndSet(last, now)) {
            return;
        }
        log.warning(() -> "Overloaded: " + req.prologue().method() + " " + req.path().path()
                + " (and maybe others) answered 503: " + SqlErrors.message(e));
    }

    private void onUnexpected(ServerRequest req, ServerResponse res, Exception e) {
        if (e instanceof io.helidon.http.RequestException re && re.status().code() < 500) {
            // what is left of the request can't be told from the next one: the connection ends here
            res.header(HeaderNames.CONNECTION, "close");
            send(res, problem(re.status(), re.status().code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()
                    ? TOO_LARGE : "The request could not be read"));
            return;
        }
        if (SqlErrors.isPoolTimeout(e)) {
            // more requests than the pool's connections for longer than it waits: overload, not a fault
            overloadWarning(req, e);
            res.header(HeaderNames.RETRY_AFTER, Long.toString(POOL_RETRY_AFTER_SECONDS));
            send(res, problem(Status.SERVICE_UNAVAILABLE_503, "The service is too busy: no database connection "
                    + "became free in time. Try again in " + POOL_RETRY_AFTER_SECONDS + " s, or send fewer requests at once"));
            return;
        }
        log.log(Level.SEVERE, "Unexpected failure on " + req.prologue().method() + " " + req.path().path(), e);
        send(res, problem(Status.INTERNAL_SERVER_ERROR_500,
                "The service failed to handle the request; the error has been logged"));
    }

    /**
     * Problem+json also for what the server answers before routing (bad prologue, oversized body
     * or headers). The message Helidon passes is only looked at, never sent: headers over the
     * limit are its 400 "Header size exceeded", which RFC 6585 makes a 431.
     */
    static DirectHandler directHandler() {
        return (request, eventType, status, headers, message) -> {
            boolean headersTooLarge = eventType == DirectHandler.EventType.BAD_REQUEST && message != null
                    && message.contains("Header size exceeded");
            // Helidon fails on a request line it can't read (a method with characters HTTP does not
            // allow in a token, as "G(T") with an internal error before it has a request: the client's
            // mistake, a 400
            boolean unreadRequestLine = eventType == DirectHandler.EventType.INTERNAL_ERROR
                    && request.method().isEmpty();
            Status answer = headersTooLarge ? HEADERS_TOO_LARGE
                    : unreadRequestLine ? Status.BAD_REQUEST_400 : status;
            String detail;
            if (answer.code() == Status.REQUEST_ENTITY_TOO_LARGE_413.code()) {
                detail = TOO_LARGE;
            } else if (headersTooLarge) {
                detail = "The request's headers are larger than the limit of 16 KiB";
            } else if (unreadRequestLine) {
                detail = "The request line could not be read: its method or target is not valid HTTP";
            } else if (eventType == DirectHandler.EventType.BAD_REQUEST) {
                detail = "The request could not be parsed as HTTP";
            } else {
                detail = status.reasonPhrase();
            }
            return DirectHandler.TransportResponse.builder()
                    .status(answer)
                    .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .entity(bytes(problem(answer, detail)))
                    .keepAlive(eventType.keepAlive())
                    .build();
        };
    }
}
