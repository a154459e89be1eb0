package org.opsconsole.service.kit;

import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;

import java.math.BigDecimal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reading columns in one place. H2 upper-cases unquoted names and PostgreSQL lower-cases them,
 * and a DbRow looks names up exactly, so columns are found here ignoring case.
 */
public final class Rows {

    private Rows() {
    }

    /** The value of {@code column}, whatever case the database gave its name. */
    public static Object value(DbRow row, String column) {
        DbColumn[] found = new DbColumn[1];
        row.forEach(c -> {
            if (found[0] == null && c.name().equalsIgnoreCase(column)) {
                found[0] = c;
            }
        });
        if (found[0] == null) {
            throw new IllegalStateException("the row has no column " + column);
        }
        return found[0].get();
    }

    public static Instant instant(DbRow row, String column) {
        Object value = value(row, column);
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
        return ((Number) value(row, column)).longValue();
    }

    public static BigDecimal decimal(DbRow row, String column) {
        Object value = value(row, column);
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public static String text(DbRow row, String column) {
        Object value = value(row, column);
        return value == null ? null : value.toString();
    }

    /** JDBC parameter for an instant, portable across H2 and PostgreSQL. */
    public static OffsetDateTime param(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
