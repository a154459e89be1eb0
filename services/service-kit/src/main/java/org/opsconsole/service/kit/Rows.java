package org.opsconsole.service.kit;

import io.helidon.dbclient.DbRow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reading columns in one place. H2 upper-cases unquoted names (STACK.md trap 4), so column names
 * here are upper case; PostgreSQL's JDBC driver matches them case-insensitively.
 */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(DbRow row, String column) {
        Object value = row.column(column).get();
        return switch (value) {
            case null -> null;
            case java.sql.Timestamp ts -> ts.toInstant();
            case OffsetDateTime odt -> odt.toInstant();
            case java.time.LocalDateTime ldt -> ldt.toInstant(ZoneOffset.UTC);
            case Instant i -> i;
            default -> throw new IllegalStateException("column " + column + " is not a timestamp: " + value.getClass());
        };
    }

    public static long longValue(DbRow row, String column) {
        return ((Number) row.column(column).get()).longValue();
    }

    public static String text(DbRow row, String column) {
        Object value = row.column(column).get();
        return value == null ? null : value.toString();
    }

    /** JDBC parameter for an instant, portable across H2 and PostgreSQL. */
    public static OffsetDateTime param(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
