package org.opsconsole.service.kit;

import io.helidon.http.Status;
import org.opsconsole.model.FieldError;
import org.opsconsole.model.Problem;

import java.time.Duration;
import java.util.List;

/**
 * A request that must end in a problem+json answer. Thrown from handlers and turned into the
 * response once, by {@link ProblemResponses}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ProblemException(Status status, String detail) {
        this(status, detail, List.of(), null);
    }

    public ProblemException(Status status, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail, null, false, false);
        this.problem = new Problem(ProblemResponses.typeOf(status), status.reasonPhrase(), status.code(),
                detail, errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : "The request has " + errors.size() + " invalid fields";
        return new ProblemException(Status.create(422, "Unprocessable Content"), detail, errors, null);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Status.BAD_REQUEST_400, field + ": " + message,
                List.of(new FieldError(field, message)), null);
    }

    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(Status.SERVICE_UNAVAILABLE_503, detail, List.of(), retryAfter);
    }

    public Problem problem() {
        return problem;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
