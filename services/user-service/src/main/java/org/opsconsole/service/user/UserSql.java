package org.opsconsole.service.user;

/** Every fixed SQL statement of {@link UserRepository}, by name; portable across H2 and PostgreSQL. */
final class UserSql {

    static final String COLUMNS = "id, name, email, created_at, updated_at, version";

    static final String SELECT_USER_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    static final String SELECT_VERSION_BY_ID = "SELECT version FROM users WHERE id = ?";
    static final String COUNT_USERS = "SELECT COUNT(*) AS n FROM users";
    static final String INSERT_USER = "INSERT INTO users (name, name_key, email, email_key, created_at, updated_at,"
            + " version) VALUES (?, ?, ?, ?, ?, ?, 1)";
    static final String UPDATE_USER = "UPDATE users SET name = ?, name_key = ?, email = ?, email_key = ?,"
            + " updated_at = ?, version = version + 1 WHERE id = ?";
    static final String UPDATE_USER_AT_VERSION = UPDATE_USER + " AND version = ?";
    static final String DELETE_USER = "DELETE FROM users WHERE id = ?";
    static final String DELETE_USER_AT_VERSION = DELETE_USER + " AND version = ?";
    /**
     * Search on PostgreSQL: text anywhere in the name or email, through their trigram indexes. The
     * email's index is asked for a part of the text (the second parameter), the email then checked
     * for the whole of it (the third, not through the index).
     */
    static final String WHERE_NAME_OR_EMAIL_CONTAINS = " WHERE name_key LIKE ? ESCAPE '\\'"
            + " OR (email_key LIKE ? ESCAPE '\\' AND strpos(email_key, ?) > 0)";
    /** Search on H2: names that start with the text (from it, up to it followed by the highest character). */
    static final String WHERE_NAME_STARTS = " WHERE name_key >= ? AND name_key < ?";
    /** Search on H2: emails that start with the text. */
    static final String WHERE_EMAIL_STARTS = " WHERE email_key >= ? AND email_key < ?";

    private UserSql() {
    }
}
