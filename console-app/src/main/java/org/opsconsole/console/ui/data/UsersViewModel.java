package org.opsconsole.console.ui.data;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.opsconsole.console.api.OrdersApi;
import org.opsconsole.console.api.ServiceApis;
import org.opsconsole.console.api.UsersApi;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.Page;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The users tab's state: one server-side page of users for a search text and a sort, and the
 * commands that change users. Every call goes through {@link Calls}, off the FX thread; only the
 * answer to the latest page request is shown, so fast typing never shows stale rows.
 */
public final class UsersViewModel implements PagedList {

    public static final int PAGE_SIZE = 50;
    static final Duration SEARCH_DELAY = Duration.millis(300);

    private final ServiceLink users;
    private final ServiceLink orders;
    private final ServiceApis apis;
    private final Calls calls;
    private final PauseTransition debounce = new PauseTransition(SEARCH_DELAY);
    private long generation;

    // Properties //

    private final ObservableList<User> rows = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty sort = new SimpleStringProperty("id");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Long> touched = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final PageWindow window = new PageWindow(PAGE_SIZE);

    public UsersViewModel(ServiceLink users, ServiceLink orders, ServiceApis apis, Executor executor) {
        this.users = users;
        this.orders = orders;
        this.apis = apis;
        this.calls = new Calls(executor);
        debounce.setOnFinished(e -> firstPage());
        query.addListener((obs, was, now) -> debounce.playFromStart());
        sort.addListener((obs, was, now) -> firstPage());
        users.availableProperty().addListener((obs, was, now) -> {
            if (now) {
                refresh();
            } else {
                // rows of a stopped service would look current: show none
                show(new Page<>(java.util.List.of(), 0, PAGE_SIZE, 0), window.first(), PageWindow.Move.FIRST);
                calls.say(users.notRunningSentence(), true);
            }
        });
    }

    public ServiceLink users() {
        return users;
    }

    public ServiceLink orders() {
        return orders;
    }

    @Override
    public Calls calls() {
        return calls;
    }

    public ObservableList<User> rows() {
        return rows;
    }

    /** Text searched for in name and email; changes take effect after a short pause in typing. */
    public StringProperty queryProperty() {
        return query;
    }

    /** id, name, email, createdAt or updatedAt; a leading '-' sorts descending. */
    public StringProperty sortProperty() {
        return sort;
    }

    @Override
    public ReadOnlyIntegerProperty offsetProperty() {
        return window.offsetProperty();
    }

    @Override
    public ReadOnlyLongProperty totalProperty() {
        return window.totalProperty();
    }

    /** "1–50 of 10,000". */
    @Override
    public ReadOnlyStringProperty pageTextProperty() {
        return window.textProperty();
    }

    @Override
    public boolean hasPrevious() {
        return window.hasPrevious();
    }

    @Override
    public boolean hasNext() {
        return window.hasNext();
    }

    // Commands //

    public void refresh() {
        load(window.current(), PageWindow.Move.STAY, null, false);
    }

    @Override
    public void firstPage() {
        debounce.stop();
        load(window.first(), PageWindow.Move.FIRST, null, false);
    }

    @Override
    public void nextPage() {
        if (hasNext()) {
            load(window.next(), PageWindow.Move.NEXT, null, false);
        }
    }

    @Override
    public void previousPage() {
        load(window.previous(), PageWindow.Move.PREVIOUS, null, false);
    }

    @Override
    public void lastPage() {
        load(window.last(), PageWindow.Move.LAST, null, false);
    }

    /** Reloads the page shown without a word, as the data changed elsewhere; skipped while a call of the tab runs. */
    public void refreshQuietly() {
        if (!users.availableProperty().get() || calls.busyProperty().get()) {
            return;
        }
        long mine = ++generation;
        PageWindow.Position at = window.current();
        calls.reloadQuietly(pageAt(at), () -> mine == generation, page -> show(page, at, PageWindow.Move.STAY), this::refresh);
    }

    /** The call for the page at {@code at} with the search and order chosen now. */
    private java.util.function.Supplier<Page<User>> pageAt(PageWindow.Position at) {
        String q = query.get();
        String s = sort.get();
        return () -> {
            if (at.link() != null) {
                Page<User> page = usersApi().page(at.link(), at.limit());
                return at.reversed() ? PageWindow.inTableOrder(page) : page;
            }
            if (at.reversed()) {
                return PageWindow.inTableOrder(usersApi().list(q, PageWindow.reversed(s), at.limit(), 0));
            }
            Page<User> page = usersApi().list(q, s, at.limit(), at.offset());
            return at.offset() == 0 ? withIdMatch(q, page) : page;
        };
    }

    /** The id of the user last added or saved here: the table selects it. */
    public javafx.beans.property.ReadOnlyObjectProperty<Long> touchedProperty() {
        return touched.getReadOnlyProperty();
    }

    /** Creates a user, or replaces one's name and email when {@code existing} is given (at its version). */
    public CompletableFuture<User> save(User existing, UserDraft draft) {
        String doing = existing == null ? "Adding " + draft.name() + "…" : "Saving " + draft.name() + "…";
        return calls.run(doing, () -> existing == null
                        ? usersApi().create(draft)
                        : usersApi().update(existing.id(), draft, existing.version()))
                .whenComplete((saved, error) -> {
                    if (error == null) {
                        touched.set(saved.id());
                        load(window.current(), PageWindow.Move.STAY, (existing == null ? "Added " : "Saved ") + describe(saved) + ".", false);
                    } else {
                        calls.say("Not saved: " + Calls.sentence(error), true);
                    }
                });
    }

    /** The user as the service holds it now; the table's row of that user shows it too. */
    public CompletableFuture<User> reload(long id) {
        return calls.run("Reloading user " + id + "…", () -> usersApi().get(id))
                .whenComplete((user, error) -> {
                    if (error == null) {
                        for (int i = 0; i < rows.size(); i++) {
                            if (rows.get(i).id() == user.id()) {
                                rows.set(i, user);
                            }
                        }
                    }
                    calls.say(error == null
                            ? "Reloaded " + describe(user) + " (version " + user.version() + ")."
                            : Calls.sentence(error), error != null);
                });
    }

    /**
     * How many of the user's orders are open (NEW or PAID): the ones deleting the user cancels.
     * Completes with null when the orders service can't be asked.
     */
    public CompletableFuture<Long> openOrders(User user) {
        return calls.run("Counting " + user.name() + "'s open orders…", () -> {
            if (orders.uri().isEmpty()) {
                return null;
            }
            OrdersApi api = apis.orders(orders.uri().get());
            try {
                return api.list(user.id(), OrderStatus.NEW, null, 1, 0).total() + api.list(user.id(), OrderStatus.PAID, null, 1, 0).total();
            } catch (org.opsconsole.console.api.ApiException e) {
                if (e.isUnavailable()) {
                    return null;
                }
                throw e;
            }
        }).whenComplete((count, error) -> calls.say(error == null ? "" : Calls.sentence(error), error != null));
    }

    /** Deletes the user at the version shown, so a user changed meanwhile is not deleted unseen. */
    public CompletableFuture<Void> delete(User user) {
        return calls.<Void>run("Deleting " + describe(user) + "…", () -> {
            usersApi().delete(user.id(), user.version());
            return null;
        }).whenComplete((ignored, error) -> {
            if (error == null) {
                load(window.current(), PageWindow.Move.STAY, "Deleted " + describe(user) + ".", false);
            } else if (Calls.unwrap(error) instanceof org.opsconsole.console.api.ApiException api && api.isVersionConflict()) {
                load(window.current(), PageWindow.Move.STAY, "Not deleted: someone changed " + describe(user)
                        + " after it was shown. Check the reloaded row and delete again if you still want to.", true);
            } else {
                calls.say("Not deleted: " + Calls.sentence(error), true);
            }
        });
    }

    static String describe(User user) {
        return user.name() + " <" + user.email() + ">";
    }

    /** Loads a page; {@code done}, when given, is what the action before it achieved, kept in the message. */
    private void load(PageWindow.Position at, PageWindow.Move move, String done, boolean doneFailed) {
        if (!users.availableProperty().get()) {
            calls.say(users.notRunningSentence(), true);
            return;
        }
        long mine = ++generation;
        String q = query.get();
        long started = System.nanoTime();
        String doing = q == null || q.isBlank() ? "Loading users…" : "Searching for \"" + q.strip() + "\"…";
        calls.run(done == null ? doing : done + " " + doing, pageAt(at)).whenComplete((page, error) -> {
            if (mine != generation) {
                return;
            }
            if (error != null) {
                calls.say((done == null ? "" : done + " But the list could not be reloaded: ") + Calls.sentence(error), true);
                return;
            }
            if (page.items().isEmpty() && at.offset() > 0 && page.total() > 0) {
                load(window.last(page.total()), PageWindow.Move.LAST, done, doneFailed);
                return;
            }
            show(page, at, move);
            long ms = (System.nanoTime() - started) / 1_000_000;
            calls.say((done == null ? "" : done + " ") + (page.total() == 0
                    ? (q == null || q.isBlank() ? "No users yet." : "No user matches \"" + q.strip() + "\".")
                    : "Page loaded in " + ms + " ms."), doneFailed);
        });
    }

    /**
     * A search that is a number (an id, "42" or "#42") also finds the user with that id, first on
     * the first page, beside those whose name or email contains it.
     */
    private Page<User> withIdMatch(String q, Page<User> page) {
        String text = q == null ? "" : q.strip();
        if (!text.matches("#?\\d{1,18}")) {
            return page;
        }
        long id = Long.parseLong(text.replace("#", ""));
        if (page.items().stream().anyMatch(u -> u.id() == id)) {
            return page;
        }
        try {
            User match = usersApi().get(id);
            List<User> items = new java.util.ArrayList<>(page.items());
            items.addFirst(match);
            return new Page<>(items.size() > PAGE_SIZE ? items.subList(0, PAGE_SIZE) : items, page.total() + 1,
                    page.totalIsEstimate(), page.limit(), 0, page.next());
        } catch (org.opsconsole.console.api.ApiException e) {
            if (e.status() == 404) {
                return page;
            }
            throw e;
        }
    }

    private void show(Page<User> page, PageWindow.Position at, PageWindow.Move move) {
        if (!rows.equals(page.items())) {
            // unchanged rows are left alone: no redraw, and a row being clicked stays where it is
            rows.setAll(page.items());
        }
        window.show(page, at, move);
    }

    private UsersApi usersApi() {
        return apis.users(users.uri().orElseThrow(() -> new Calls.ServiceNotRunning(users.notRunningSentence())));
    }
}
