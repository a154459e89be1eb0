package org.opsconsole.model;

/** What is wrong with one field of a request body. */
public record FieldError(String field, String message) {
}
