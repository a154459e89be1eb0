package org.opsconsole.service.kit;

import org.opsconsole.model.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects what is wrong with a request's fields, then fails once with all of them (422), so a
 * client sees every problem in one answer.
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public Validation text(String field, String value, int min, int max) {
        if (value == null) {
            return error(field, "is required");
        }
        int length = value.codePointCount(0, value.length());
        if (value.isBlank()) {
            return error(field, "must not be blank");
        }
        if (length < min || length > max) {
            return error(field, "must be " + min + " to " + max + " characters long");
        }
        // what a column stores: H2 counts UTF-16 units, and a lower-cased key kept beside a field
        // (for sorting, for case-blind uniqueness) can be longer than the field ('İ' becomes two)
        if (Math.max(value.length(), value.toLowerCase(Locale.ROOT).length()) > max) {
            return error(field, "must be " + min + " to " + max + " characters long, counting an emoji or another "
                    + "character beyond the Basic Multilingual Plane as two");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            return error(field, "must not contain control characters");
        }
        if (hasLoneSurrogate(value)) {
            return error(field, "must be valid Unicode text: it holds half of a surrogate pair (as \\ud800 alone)");
        }
        if (value.codePoints().anyMatch(Validation::isInvisibleFormat)) {
            return error(field, "must not contain invisible formatting characters (zero-width space, soft hyphen, "
                    + "byte order mark, ...)");
        }
        if (value.codePoints().noneMatch(Validation::isVisible)) {
            return error(field, "must contain a visible character");
        }
        return this;
    }

    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A format character (Unicode category Cf) that only hides in text. The zero-width joiner and
     * non-joiner stay allowed: emoji sequences and scripts such as Persian need them.
     */
    private static boolean isInvisibleFormat(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT && codePoint != 0x200D && codePoint != 0x200C;
    }

    private static boolean isVisible(int codePoint) {
        return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                && Character.getType(codePoint) != Character.FORMAT
                && Character.getType(codePoint) != Character.NON_SPACING_MARK
                && Character.getType(codePoint) != Character.ENCLOSING_MARK
                && !Character.isISOControl(codePoint);
    }

    public Validation wholeNumber(String field, Long value, long min, long max) {
        if (value == null) {
            return error(field, "is required");
        }
        if (value < min || value > max) {
            return error(field, "must be between " + min + " and " + max);
        }
        return this;
    }

    public Validation money(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            return error(field, "is required");
        }
        if (value.scale() != 2) {
            return error(field, "must be written with exactly two decimal places, like \"12.50\"");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return error(field, "must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return this;
    }

    public Validation error(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrorOn(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a 422 listing every error, if there are any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
