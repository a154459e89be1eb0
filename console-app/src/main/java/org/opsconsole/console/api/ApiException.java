package org.opsconsole.console.api;

import org.opsconsole.model.FieldError;
import org.opsconsole.model.Problem;

import java.util.List;
import java.util.Optional;

/**
 * A service call that did not succeed: the service's problem answer (status, detail, field
 * errors), or, with status 0, a service that could not be reached. The message is a sentence for
 * an operator.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient Problem problem;

    public ApiException(int status, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problem = problem;
    }

    /** The HTTP status, or 0 when the service could not be reached at all. */
    public int status() {
        return status;
    }

    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** What the service said about each field, for showing next to the field. */
    public List<FieldError> fieldErrors() {
        return problem == null ? List.of() : problem.errors();
    }

    public boolean isUnreachable() {
        return status == 0;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** Someone changed the record since it was read (a stale version). */
    public boolean isVersionConflict() {
        return status == 412;
    }

    /** The change breaks a rule about the current state: a duplicate email, an illegal status move. */
    public boolean isConflict() {
        return status == 409;
    }

    public boolean isUnavailable() {
        return status == 503 || status == 0;
    }
}
