package org.opsconsole.service.kit;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbResultDml;
import io.helidon.dbclient.DbRow;

import java.util.stream.Stream;

/** An INSERT that answers the id the database generated. */
public final class Inserts {

    private Inserts() {
    }

    public static long returningId(DbExecute tx, String sql, Object... params) {
        try (DbResultDml result = tx.createInsert(sql).params(params).returnGeneratedKeys().insert();
             Stream<DbRow> keys = result.generatedKeys()) {
            return keys.findFirst()
                    .map(row -> Rows.longValue(row, "ID"))
                    .orElseThrow(() -> new IllegalStateException("the database generated no id for: " + sql));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing an insert result failed", e);
        }
    }
}
