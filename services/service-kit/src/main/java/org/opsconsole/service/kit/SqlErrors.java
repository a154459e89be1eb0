package org.opsconsole.service.kit;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises database errors by their portable SQLSTATE, wherever DbClient wrapped them. */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The pool gave no connection within its timeout (HikariCP's "Connection is not available"). */
    public static boolean isPoolTimeout(Throwable e) {
        return find(e, SQLTransientConnectionException.class) != null;
    }

    /** The database's own words, from the innermost SQL error (or the failure's own message). */
    static String message(Throwable e) {
        SQLException sql = find(e, SQLException.class);
        return sql != null ? sql.getMessage() : String.valueOf(e.getMessage());
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        T found = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                found = type.cast(t);
            }
        }
        return found;
    }
}
