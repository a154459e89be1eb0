package org.opsconsole.service.user;

import java.util.regex.Pattern;

/** A pragmatic email check: one '@', a local part, and a domain with a dot, no spaces. */
final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddress() {
    }

    static boolean isValid(String email) {
        return SHAPE.matcher(email.strip()).matches();
    }
}
