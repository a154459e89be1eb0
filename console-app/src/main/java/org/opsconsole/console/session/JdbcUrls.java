package org.opsconsole.console.session;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: on screen, in a ready line, in a log. */
public final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    /** {@code url} with the value of every {@code password=} replaced by {@code ***}. */
    public static String masked(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }
}
