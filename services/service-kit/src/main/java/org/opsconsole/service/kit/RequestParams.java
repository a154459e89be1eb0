package org.opsconsole.service.kit;

import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/** Path and query parameters, parsed with a 400 naming the parameter when they are malformed. */
public final class RequestParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;

    private RequestParams() {
    }

    public static long id(ServerRequest req) {
        return positiveId("id", req.path().pathParameters().get("id"));
    }

    public static long positiveId(String name, String text) {
        long value = parseLong(name, text);
        if (value < 1) {
            throw ProblemException.badRequest(name, "must be a positive whole number");
        }
        return value;
    }

    public static Optional<String> query(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    public static Optional<Long> queryId(ServerRequest req, String name) {
        return query(req, name).map(text -> positiveId(name, text));
    }

    public static int limit(ServerRequest req) {
        return query(req, "limit").map(text -> intBetween("limit", text, 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
    }

    public static int offset(ServerRequest req) {
        return query(req, "offset").map(text -> intBetween("offset", text, 0, Integer.MAX_VALUE)).orElse(0);
    }

    /** A position such as an event id: a whole number, zero or more. */
    public static long nonNegative(String name, String text) {
        long value = parseLong(name, text);
        if (value < 0) {
            throw ProblemException.badRequest(name, "must be zero or a positive whole number");
        }
        return value;
    }

    public static int intBetween(String name, String text, int min, int max) {
        long value = parseLong(name, text);
        if (value < min || value > max) {
            throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    /**
     * The version a client expects, from {@code If-Match}: a strong entity tag as the service
     * gives it ({@code "3"}); null when the header is absent or {@code *}. A weak tag
     * ({@code W/"3"}) never matches, as If-Match compares strongly (RFC 9110 13.1.1): 412; a
     * value that is no entity tag (an unquoted {@code 3}) is a 400.
     */
    public static Long expectedVersion(ServerRequest req) {
        Optional<String> header = req.headers().first(io.helidon.http.HeaderNames.IF_MATCH).map(String::trim);
        if (header.isEmpty() || header.get().equals("*")) {
            return null;
        }
        String value = header.get();
        if (value.startsWith("W/")) {
            throw new ProblemException(io.helidon.http.Status.PRECONDITION_FAILED_412, "If-Match " + value
                    + " is a weak entity tag, which never matches: If-Match compares strongly; send the ETag as given, "
                    + "like \"3\"");
        }
        String tag = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : null;
        if (tag == null || tag.startsWith("-") || !isWholeNumber(tag)) {
            throw ProblemException.badRequest("If-Match", "must be the entity tag of the version to update, in quotes, "
                    + "like \"3\" (the ETag the service gave)");
        }
        return parseLong("If-Match", tag);
    }

    /** The ETag of a version, as {@code If-Match} expects it back. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static long parseLong(String name, String text) {
        if (!isWholeNumber(text)) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE);
        }
    }

    /** An optional minus and 1 to 19 digits (a long's most). Hand-written: it runs on every request. */
    private static boolean isWholeNumber(String text) {
        if (text == null) {
            return false;
        }
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 19) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
