package org.opsconsole.service.user;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The email addresses a user may have: ASCII only, a local part of RFC 5322 "dot-atom" characters
 * (no dot at either end, no two in a row), and a domain of at least two DNS labels (letters, digits
 * and inner hyphens; an internationalised domain in its xn-- form). Refusing every other character
 * keeps look-alikes out: a Cyrillic 'а' for a Latin 'a', a zero-width space, a soft hyphen or a
 * no-break space would otherwise make a second "different" user of one address.
 */
final class EmailAddress {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private EmailAddress() {
    }

    /** What is wrong with an address (already stripped of surrounding spaces), or empty when it is fine. */
    static Optional<String> problem(String email) {
        if (!email.chars().allMatch(c -> c > 32 && c < 127)) {
            return Optional.of("must be written in plain ASCII letters, digits and symbols, without spaces "
                    + "(look-alike letters and invisible characters are refused), like name@example.com");
        }
        int at = email.lastIndexOf('@');
        if (at < 1 || email.indexOf('@') != at) {
            return Optional.of("must be an email address with one @, like name@example.com");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return Optional.of("must have a part before the @ of at most 64 letters, digits and ! # $ % & ' * + / = ? "
                    + "^ _ ` { | } ~ -, with dots only between them, like first.last@example.com");
        }
        String[] labels = domain.split("\\.", -1);
        boolean labelsValid = labels.length >= 2 && domain.length() <= 253;
        for (String label : labels) {
            labelsValid &= LABEL.matcher(label).matches();
        }
        if (!labelsValid || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of("must have a domain after the @ like example.com: labels of letters, digits and "
                    + "hyphens (not at a label's start or end), separated by dots");
        }
        return Optional.empty();
    }
}
