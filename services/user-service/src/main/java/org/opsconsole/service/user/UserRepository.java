package org.opsconsole.service.user;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.http.Status;
import org.opsconsole.model.Page;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;
import org.opsconsole.service.kit.Database;
import org.opsconsole.service.kit.Inserts;
import org.opsconsole.service.kit.Outbox;
import org.opsconsole.service.kit.ProblemException;
import org.opsconsole.service.kit.Rows;
import org.opsconsole.service.kit.SqlErrors;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Users in the database, and their events in the outbox, changed in one transaction each. */
final class UserRepository {

    /** Accepted values of {@code sort}; a leading '-' sorts descending. */
    static final Map<String, String> SORT_COLUMNS = Map.of(
            "id", "id", "name", "name_key", "email", "email_key", "createdAt", "created_at", "updatedAt", "updated_at");

    private static final String COLUMNS = "id, name, email, created_at, updated_at, version";

    private final Database db;
    private final Outbox outbox;
    private final UserReadCache cache;

    /** @param cache recently read users; null when another process may write the database too */
    UserRepository(Database db, Outbox outbox, UserReadCache cache) {
        this.db = db;
        this.outbox = outbox;
        this.cache = cache;
    }

    Page<User> list(String query, String sort, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (query != null) {
            String pattern = "%" + query.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = " WHERE name_key LIKE ? ESCAPE '\\' OR email_key LIKE ? ESCAPE '\\'";
            params.add(pattern);
            params.add(pattern);
        }
        DbExecute exec = db.client().execute();
        long total = exec.get("SELECT COUNT(*) FROM users" + where, params.toArray())
                .map(row -> ((Number) row.column(1).get()).longValue()).orElse(0L);
        String orderBy = orderBy(sort);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(offset);
        pageParams.add(limit);
        try (Stream<DbRow> rows = exec.query("SELECT " + COLUMNS + " FROM users" + where + " ORDER BY " + orderBy
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", pageParams.toArray())) {
            return new Page<>(rows.map(UserRepository::toUser).toList(), total, limit, offset);
        }
    }

    private static String orderBy(String sort) {
        if (sort == null) {
            return "id";
        }
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        String column = SORT_COLUMNS.get(key);
        if (column == null) {
            throw ProblemException.badRequest("sort", "must be one of " + String.join(", ",
                    SORT_COLUMNS.keySet().stream().sorted().toList()) + ", optionally with a leading '-'");
        }
        String direction = descending ? " DESC" : " ASC";
        return column.equals("id") ? "id" + direction : column + direction + ", id" + direction;
    }

    Optional<User> find(long id) {
        return cache == null ? read(id) : cache.find(id, this::read);
    }

    private Optional<User> read(long id) {
        return db.client().execute().get("SELECT " + COLUMNS + " FROM users WHERE id = ?", id)
                .map(UserRepository::toUser);
    }

    User create(UserDraft draft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Outbox.Pending[] event = new Outbox.Pending[1];
        try {
            return db.inTransaction(tx -> {
                long id = Inserts.returningId(tx, "INSERT INTO users (name, name_key, email, email_key,"
                                + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
                        draft.name(), lower(draft.name()), draft.email(), lower(draft.email()),
                        Rows.param(now), Rows.param(now));
                User user = new User(id, draft.name(), draft.email(), now, now, 1);
                event[0] = outbox.append(tx, "user.created", id, user);
                return user;
            });
        } catch (RuntimeException e) {
            throw duplicateEmailOr(e, draft.email());
        } finally {
            done(event[0]);
        }
    }

    User update(long id, UserDraft draft, Long expectedVersion) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Outbox.Pending[] event = new Outbox.Pending[1];
        try {
            return db.inTransaction(tx -> {
                String sql = "UPDATE users SET name = ?, name_key = ?, email = ?, email_key = ?, updated_at = ?,"
                        + " version = version + 1"
                        + " WHERE id = ?" + (expectedVersion == null ? "" : " AND version = ?");
                List<Object> params = new ArrayList<>(List.of(draft.name(), lower(draft.name()), draft.email(), lower(draft.email()),
                        Rows.param(now), id));
                if (expectedVersion != null) {
                    params.add(expectedVersion);
                }
                if (tx.update(sql, params.toArray()) == 0) {
                    throw missingOrStale(tx, id, expectedVersion);
                }
                User user = tx.get("SELECT " + COLUMNS + " FROM users WHERE id = ?", id)
                        .map(UserRepository::toUser).orElseThrow();
                event[0] = outbox.append(tx, "user.updated", id, user);
                return user;
            });
        } catch (RuntimeException e) {
            throw duplicateEmailOr(e, draft.email());
        } finally {
            written(id);
            done(event[0]);
        }
    }

    void delete(long id, Long expectedVersion) {
        Outbox.Pending[] event = new Outbox.Pending[1];
        try {
            db.inTransaction(tx -> {
                User user = tx.get("SELECT " + COLUMNS + " FROM users WHERE id = ?", id)
                        .map(UserRepository::toUser)
                        .orElseThrow(() -> ProblemException.notFound("User", id));
                String sql = "DELETE FROM users WHERE id = ?" + (expectedVersion == null ? "" : " AND version = ?");
                long deleted = expectedVersion == null ? tx.delete(sql, id) : tx.delete(sql, id, expectedVersion);
                if (deleted == 0) {
                    throw missingOrStale(tx, id, expectedVersion);
                }
                event[0] = outbox.append(tx, "user.deleted", id, user);
                return null;
            });
        } finally {
            written(id);
            done(event[0]);
        }
    }

    long count() {
        return db.client().execute().get("SELECT COUNT(*) FROM users")
                .map(row -> ((Number) row.column(1).get()).longValue()).orElse(0L);
    }

    private void written(long id) {
        if (cache != null) {
            cache.written(id);
        }
    }

    private static void done(Outbox.Pending pending) {
        if (pending != null) {
            pending.done();
        }
    }

    private static ProblemException missingOrStale(DbExecute tx, long id, Long expectedVersion) {
        Optional<Long> current = tx.get("SELECT version FROM users WHERE id = ?", id)
                .map(row -> Rows.longValue(row, "VERSION"));
        if (current.isEmpty()) {
            return ProblemException.notFound("User", id);
        }
        return new ProblemException(Status.PRECONDITION_FAILED_412, "User " + id + " has changed: it is at version "
                + current.get() + ", the request expected version " + expectedVersion
                + ". Reload it and apply the change again.");
    }

    private static RuntimeException duplicateEmailOr(RuntimeException e, String email) {
        if (SqlErrors.isUniqueViolation(e)) {
            return ProblemException.conflict("A user with the email " + email + " already exists");
        }
        return e;
    }

    /** The case-insensitive key of a name or email. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static User toUser(DbRow row) {
        return new User(Rows.longValue(row, "ID"), Rows.text(row, "NAME"), Rows.text(row, "EMAIL"),
                Rows.instant(row, "CREATED_AT"), Rows.instant(row, "UPDATED_AT"), Rows.longValue(row, "VERSION"));
    }
}
