package org.opsconsole.service.kit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
        } catch (IOException e) {
            throw new ProblemException(Status.BAD_REQUEST_400, "The request body could not be read");
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
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bytes(value));
    }

    public static byte[] bytes(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireJsonContentType(ServerRequest req) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE_415, contentType.isBlank()
                    ? "Content-Type is missing; send application/json"
                    : "Content-Type " + contentType + " is not supported; send application/json");
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE_413,
                "The request body is larger than the limit of 1 MiB");
    }

    static ProblemException toProblem(JacksonException e) {
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
            return "a decimal number like \"12.50\"";
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
