package org.opsconsole.service.kit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.opsconsole.model.FieldError;
import org.opsconsole.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads request bodies as JSON into the model's records, strictly, and writes JSON answers. Every
 * way a body can be wrong ends in a 4xx problem naming the field at fault.
 */
public final class JsonBodies {

    /** Largest body accepted: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /**
     * Largest body the server reads at all. A body over {@link #MAX_BODY_BYTES} is refused with a
     * 413 and the rest of it, up to this size, read and dropped, so that the client, still
     * sending, can read the answer (a server that closes on unread data resets the connection,
     * and the client sees a broken pipe instead of the 413). A larger body closes the connection.
     */
    public static final long MAX_DISCARDED_BODY_BYTES = 16L * 1024 * 1024;

    /** What a request that its client abandoned counts as (nginx's code): neither a 2xx nor the server's fault. */
    public static final Status CLIENT_CLOSED_REQUEST = Status.create(499, "Client Closed Request");

    private JsonBodies() {
    }

    public static <T> T read(ServerRequest req, Class<T> type) {
        requireJsonContentType(req);
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | UncheckedIOException | DataReader.InsufficientDataAvailableException e) {
            // the connection ended before the body did: the client went away, nobody reads an answer
            throw new ProblemException(CLIENT_CLOSED_REQUEST, "The client closed the connection before its body ended");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw new ProblemException(Status.BAD_REQUEST_400, "The request body is empty; a JSON object is expected");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw new ProblemException(Status.BAD_REQUEST_400, "The request body is null; a JSON object is expected");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw toProblem(e);
        } catch (IOException e) {
            throw new ProblemException(Status.BAD_REQUEST_400, "The request body could not be read");
        }
    }

    public static void send(ServerResponse res, Object value) {
        HeadRequests.send(res, "application/json", bytes(value));
    }

    public static byte[] bytes(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Only {@code application/json}, in UTF-8 (its only encoding, RFC 8259), is read: a
     * {@code charset} parameter may say so and nothing else; other JSON-based types
     * ({@code application/problem+json}, {@code application/json-patch+json}) mean something
     * else and are refused like any other type.
     */
    private static void requireJsonContentType(ServerRequest req) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").trim();
        if (contentType.isEmpty()) {
            throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type is missing; send application/json");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "Content-Type " + contentType + " is not supported; send application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].trim().toLowerCase(Locale.ROOT);
            String value = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
            if (name.isEmpty()) {
                continue;
            }
            if (!name.equals("charset") || !value.equalsIgnoreCase("utf-8")) {
                throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type " + contentType
                        + " is not supported; send application/json (in UTF-8, the only charset read)");
            }
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE_413, ProblemResponses.TOO_LARGE);
    }

    static ProblemException toProblem(JacksonException e) {
        if (duplicateField(e) instanceof JsonParseException duplicate) {
            String field = duplicate.getOriginalMessage().replaceFirst("^Duplicate field '(.*)'$", "$1");
            // in a nested object databind wraps it with the path to that object
            if (e instanceof JsonMappingException m && m.getPath() != null && !m.getPath().isEmpty()) {
                field = path(m) + "." + field;
            }
            return ProblemException.badRequest(field, "appears more than once in the object; send each field once");
        }
        if (e instanceof StreamConstraintsException) {
            return new ProblemException(Status.BAD_REQUEST_400, "The request body nests or numbers too deeply");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return ProblemException.badRequest(path(u), "unknown field; allowed fields are "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException f) {
            return ProblemException.badRequest(path(f), "has the wrong type or format: expected "
                    + describe(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getPath() != null && !m.getPath().isEmpty()) {
            return ProblemException.badRequest(path(m), "has the wrong type: expected " + describe(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m && m.getPath() != null && !m.getPath().isEmpty()) {
            return ProblemException.badRequest(path(m), "is not valid here");
        }
        if (e instanceof MismatchedInputException) {
            return new ProblemException(Status.BAD_REQUEST_400, "The request body must be a JSON object");
        }
        return new ProblemException(Status.BAD_REQUEST_400, "The request body is not well-formed JSON");
    }

    private static Throwable duplicateField(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException p && p.getOriginalMessage() != null
                    && p.getOriginalMessage().startsWith("Duplicate field")) {
                return p;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class) {
            return "a decimal string with two places, like \"12.50\" (money is never a JSON number)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
