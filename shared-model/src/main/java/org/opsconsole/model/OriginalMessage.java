package org.opsconsole.model;

/** The answer of the article's original {@code POST /user} and {@code POST /order}. */
public record OriginalMessage(String message) {
}
