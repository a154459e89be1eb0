package org.opsconsole.service.user;

import org.opsconsole.service.kit.BulkRows;
import org.opsconsole.service.kit.Database;

import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A large demo data set for a new database ({@code serve --demo-data N}): users 1 to N, named
 * like the small set's, each with a unique email, created one second apart up to now. Made by
 * the database in bulk, so they have no events.
 */
final class DemoUsersAtScale {

    private DemoUsersAtScale() {
    }

    static void fill(Database db, long count, Logger log) {
        BulkRows bulk = new BulkRows(db);
        String first = BulkRows.pick("r.x", DemoUsers.FIRST);
        String last = BulkRows.pick("r.x * 7 + 3", DemoUsers.LAST);
        String emailFirst = BulkRows.pick("r.x", forEmail(DemoUsers.FIRST));
        String emailLast = BulkRows.pick("r.x * 7 + 3", forEmail(DemoUsers.LAST));
        String name = first + " || ' ' || " + last;
        String email = emailFirst + " || '.' || " + emailLast + " || '.' || CAST(r.x AS VARCHAR(20)) || '@example.com'";
        String created = BulkRows.secondsAgo("r.x", count);
        String insert = "INSERT INTO users (id, name, name_key, email, email_key, created_at, updated_at, version)"
                + " SELECT r.x, " + name + ", LOWER(" + name + "), " + email + ", " + email + ", " + created + ", "
                + created + ", 1 FROM " + bulk.numbers();
        long step = Math.max(1, count / 10);
        bulk.fill("users", true, count, insert, done -> {
            if (done % step < 50_000 || done == count) {
                log.info(() -> String.format("demo data: %,d of %,d users", done, count));
            }
        });
    }

    private static String[] forEmail(String[] texts) {
        return Arrays.stream(texts).map(t -> t.toLowerCase(Locale.ROOT).replace(" ", "")).toArray(String[]::new);
    }
}
