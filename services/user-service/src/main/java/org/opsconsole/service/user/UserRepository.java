package org.opsconsole.service.user;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import org.opsconsole.model.Page;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;
import org.opsconsole.service.kit.Database;
import org.opsconsole.service.kit.DomainException;
import org.opsconsole.service.kit.Inserts;
import org.opsconsole.service.kit.Listing;
import org.opsconsole.service.kit.Outbox;
import org.opsconsole.service.kit.Rows;
import org.opsconsole.service.kit.SortKeys;
import org.opsconsole.service.kit.SqlErrors;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.opsconsole.service.user.UserSql.*;

/**
 * Users in the database, and their events in the outbox, changed in one transaction each. Says
 * what went wrong with {@link DomainException}s; the HTTP answer is chosen elsewhere.
 */
final class UserRepository {

    /** Accepted values of {@code sort}; a leading '-' sorts descending. */
    static final SortKeys SORT_KEYS = new SortKeys(Map.of(
            "id", SortKeys.wholeNumber("id"), "name", SortKeys.text("name_key"), "email", SortKeys.text("email_key"),
            "createdAt", SortKeys.time("created_at"), "updatedAt", SortKeys.time("updated_at")));
    /** A word (letters and digits) with a digit in it, three characters or more. */
    private static final Pattern NUMBERED_WORD = Pattern.compile("(?=[\\p{L}\\p{N}]*\\p{N})[\\p{L}\\p{N}]{3,}");

    private final Database db;
    private final Outbox outbox;
    private final UserReadCache cache;
    private final Listing listing;

    /** @param cache recently read users; null when another process may write the database too */
    UserRepository(Database db, Outbox outbox, UserReadCache cache) {
        this.db = db;
        this.outbox = outbox;
        this.cache = cache;
        this.listing = new Listing(db, "users", COLUMNS, SORT_KEYS);
    }

    /**
     * A page of users, of those whose name or email matches {@code query} when given: on
     * PostgreSQL anywhere in them (through trigram indexes), on H2 at their start (through the
     * name's and the email's indexes: H2 has no index for text inside a value).
     */
    Page<User> list(String query, Listing.Window window) {
        if (query == null) {
            return listing.page(Listing.Filter.NONE, window, UserRepository::toUsers);
        }
        String lower = query.toLowerCase(Locale.ROOT);
        if (db.isPostgres()) {
            List<Object> params = List.of(containing(lower), containing(emailIndexPart(lower)), lower);
            return listing.page(new Listing.Filter(WHERE_NAME_OR_EMAIL_CONTAINS, params).asSearch(), window, UserRepository::toUsers);
        }
        // the keys from the text up to the text followed by the highest character: those that start with it
        List<Object> range = List.of(lower, lower + Character.MAX_VALUE);
        return listing.pageOfAny(List.of(new Listing.Filter(WHERE_NAME_STARTS, range), new Listing.Filter(WHERE_EMAIL_STARTS, range)),
                Set.of("name", "email"), window, UserRepository::toUsers);
    }

    /** A LIKE pattern for text anywhere in a value, its wildcards taken literally. */
    private static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The part of a search text that the email's trigram index is asked for: up to its '@' when it
     * has one after at least three characters. Many users share a domain, so the trigrams of one
     * ("exa", "com", ...) are in nearly every email and the index would read an entry of nearly
     * every user for them; the rest of the text is checked on the few rows found. Names are shared
     * too: when a word of three or more characters before the '@' holds a digit ("4242" of
     * "alan.goldberg.4242@"), that word alone, with the characters around it, is asked for (at a
     * million users the index answered in 3 ms instead of 12: every Goldberg's entries were read).
     */
    static String emailIndexPart(String text) {
        int at = text.indexOf('@');
        if (at < 3) {
            return text;
        }
        Matcher word = NUMBERED_WORD.matcher(text.substring(0, at));
        String numbered = null;
        int start = 0;
        while (word.find()) {
            numbered = word.group();
            start = word.start();
        }
        if (numbered == null) {
            return text.substring(0, at + 1);
        }
        // with the separator before it and the one after it, its trigrams are those of a whole word
        return text.substring(Math.max(0, start - 1), start + numbered.length() + 1);
    }

    private static List<User> toUsers(List<DbRow> rows) {
        return rows.stream().map(UserRepository::toUser).toList();
    }

    Optional<User> find(long id) {
        return cache == null ? read(id) : cache.find(id, this::read);
    }

    private Optional<User> read(long id) {
        return db.client().execute().get(SELECT_USER_BY_ID, id).map(UserRepository::toUser);
    }

    User create(UserDraft draft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            return outbox.inTransaction(changes -> {
                long id = Inserts.returningId(changes.exec(), INSERT_USER, draft.name(), lower(draft.name()),
                        draft.email(), lower(draft.email()), Rows.param(now), Rows.param(now));
                User user = new User(id, draft.name(), draft.email(), now, now, 1);
                changes.emit("user.created", id, user);
                return user;
            });
        } catch (RuntimeException e) {
            throw duplicateEmailOr(e, draft.email());
        }
    }

    User update(long id, UserDraft draft, Long expectedVersion) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            return outbox.inTransaction(changes -> {
                DbExecute tx = changes.exec();
                List<Object> params = new ArrayList<>(List.of(draft.name(), lower(draft.name()), draft.email(),
                        lower(draft.email()), Rows.param(now), id));
                if (expectedVersion != null) {
                    params.add(expectedVersion);
                }
                if (tx.update(expectedVersion == null ? UPDATE_USER : UPDATE_USER_AT_VERSION, params.toArray()) == 0) {
                    throw missingOrStale(tx, id, expectedVersion);
                }
                User user = tx.get(SELECT_USER_BY_ID, id).map(UserRepository::toUser).orElseThrow();
                changes.emit("user.updated", id, user);
                return user;
            });
        } catch (RuntimeException e) {
            throw duplicateEmailOr(e, draft.email());
        } finally {
            written(id);
        }
    }

    void delete(long id, Long expectedVersion) {
        try {
            outbox.inTransaction(changes -> {
                DbExecute tx = changes.exec();
                User user = tx.get(SELECT_USER_BY_ID, id).map(UserRepository::toUser)
                        .orElseThrow(() -> new DomainException.NotFound("User", id));
                long deleted = expectedVersion == null
                        ? tx.delete(DELETE_USER, id) : tx.delete(DELETE_USER_AT_VERSION, id, expectedVersion);
                if (deleted == 0) {
                    throw missingOrStale(tx, id, expectedVersion);
                }
                changes.emit("user.deleted", id, user);
                return null;
            });
        } finally {
            written(id);
        }
    }

    long count() {
        return db.client().execute().get(COUNT_USERS).map(row -> Rows.longValue(row, "N")).orElse(0L);
    }

    private void written(long id) {
        if (cache != null) {
            cache.written(id);
        }
    }

    private static DomainException missingOrStale(DbExecute tx, long id, Long expectedVersion) {
        Optional<Long> current = tx.get(SELECT_VERSION_BY_ID, id).map(row -> Rows.longValue(row, "VERSION"));
        if (current.isEmpty()) {
            return new DomainException.NotFound("User", id);
        }
        return new DomainException.StaleVersion("User", id, current.get(), expectedVersion);
    }

    private static RuntimeException duplicateEmailOr(RuntimeException e, String email) {
        if (SqlErrors.isUniqueViolation(e)) {
            return new DomainException.Conflict("A user with the email " + email + " already exists");
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
