package org.opsconsole.console.load.report;

import java.util.Locale;

/**
 * What a run over the bundled services wrote: the users and orders it created (its load data,
 * users named {@code load-<run>-<n>@example.test}), and how many of them were deleted again. A run
 * deletes its load data when it ends unless asked to keep it; kept data can be deleted later.
 *
 * @param kept true while the data is left in the services on purpose
 * @param searchProblem null when the services were searched by the run's marker after it (for what
 *                      the run created without hearing so); else why they could not be, in words
 */
public record LoadData(long createdUsers, long createdOrders, long deletedUsers, long deletedOrders, boolean kept,
                       String searchProblem) {

    public static final LoadData NONE = new LoadData(0, 0, 0, 0, false);

    public LoadData(long createdUsers, long createdOrders, long deletedUsers, long deletedOrders, boolean kept) {
        this(createdUsers, createdOrders, deletedUsers, deletedOrders, kept, null);
    }

    /** The same counts, with why the services could not be searched for more of the run's data. */
    public LoadData withSearchProblem(String problem) {
        return new LoadData(createdUsers, createdOrders, deletedUsers, deletedOrders, kept, problem);
    }

    public boolean wroteAnything() {
        return createdUsers > 0 || createdOrders > 0;
    }

    /** What is left of it in the services. */
    public long remaining() {
        return createdUsers + createdOrders - deletedUsers - deletedOrders;
    }

    /** In words: "Load data: created 120 users and 300 orders; deleted them when the run ended." */
    public String summary() {
        return searchProblem == null ? counts()
                : counts() + " Some may be left that the run did not hear it created: the services could not be searched for them ("
                        + searchProblem + ").";
    }

    private String counts() {
        if (!wroteAnything()) {
            return "Load data: none; the run created no users or orders.";
        }
        String created = String.format(Locale.ROOT, "Load data: created %s and %s", count(createdUsers, "user"),
                count(createdOrders, "order"));
        if (kept) {
            return created + "; kept in the services (users named load-<run>-<n>@example.test, and their orders) "
                    + "until deleted from the run's report or with 'opsconsole load delete-data <run>'.";
        }
        if (remaining() == 0) {
            return created + "; deleted them again.";
        }
        return created + String.format(Locale.ROOT, "; deleted %s and %s, %d could not be deleted (the services refused them or could not be reached).",
                count(deletedUsers, "user"), count(deletedOrders, "order"), remaining());
    }

    private static String count(long n, String what) {
        return String.format(Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }
}
