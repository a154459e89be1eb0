package org.opsconsole.model;

/**
 * The body of {@code PATCH /orders/{id}}. The status is text so that an unknown value gets a
 * validation message naming the allowed ones rather than a parse error.
 */
public record StatusChange(String status) {
}
