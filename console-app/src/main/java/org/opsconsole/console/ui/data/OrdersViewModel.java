package org.opsconsole.console.ui.data;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opsconsole.console.api.OrdersApi;
import org.opsconsole.console.api.ServiceApis;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderDraft;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.Page;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The orders tab's state: one server-side page of orders, filtered by user and status, and the
 * commands that create orders, move them through their statuses and delete them.
 */
public final class OrdersViewModel implements PagedList {

    public static final int PAGE_SIZE = 50;

    private final ServiceLink orders;
    private final ServiceLink users;
    private final Executor executor;
    private final javafx.collections.ObservableMap<Long, String> userNames = javafx.collections.FXCollections.observableHashMap();
    private final ServiceApis apis;
    private final Calls calls;
    private long generation;

    // Properties //

    private final ObservableList<Order> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Long> userFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<OrderStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty sort = new SimpleStringProperty("id");
    private final javafx.beans.property.ReadOnlyObjectWrapper<Long> touched = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final PageWindow window = new PageWindow(PAGE_SIZE);

    /** @param users where the users' names come from (the order details show its user by name) */
    public OrdersViewModel(ServiceLink orders, ServiceLink users, ServiceApis apis, Executor executor) {
        this.orders = orders;
        this.users = users;
        this.executor = executor;
        this.apis = apis;
        this.calls = new Calls(executor);
        userFilter.addListener((obs, was, now) -> firstPage());
        statusFilter.addListener((obs, was, now) -> firstPage());
        sort.addListener((obs, was, now) -> firstPage());
        orders.availableProperty().addListener((obs, was, now) -> {
            if (now) {
                refresh();
            } else {
                // rows of a stopped service would look current: show none
                show(new Page<>(java.util.List.of(), 0, PAGE_SIZE, 0), window.first(), PageWindow.Move.FIRST);
                calls.say(orders.notRunningSentence(), true);
            }
        });
    }

    public ServiceLink orders() {
        return orders;
    }

    /** The name of user {@code id}, as already shown or from the users service (off the FX thread); call on the FX thread. */
    public CompletableFuture<String> userName(long id) {
        String known = userNames.get(id);
        return known != null ? CompletableFuture.completedFuture(known) : CompletableFuture.supplyAsync(() -> fetchName(id), executor);
    }

    /** Off the FX thread: asks the users service. */
    private String fetchName(long id) {
        return apis.users(users.uri().orElseThrow(() -> new Calls.ServiceNotRunning(users.notRunningSentence()))).get(id).name();
    }

    @Override
    public Calls calls() {
        return calls;
    }

    public ObservableList<Order> rows() {
        return rows;
    }

    /** Only this user's orders; null for everyone's. */
    public ObjectProperty<Long> userFilterProperty() {
        return userFilter;
    }

    /** Only orders in this status; null for any. */
    public ObjectProperty<OrderStatus> statusFilterProperty() {
        return statusFilter;
    }

    /** id, userId, status, total, items, createdAt, updatedAt or version; a leading '-' sorts descending. */
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
        if (!orders.availableProperty().get() || calls.busyProperty().get()) {
            return;
        }
        long mine = ++generation;
        PageWindow.Position at = window.current();
        calls.reloadQuietly(pageAt(at), () -> mine == generation, page -> show(page, at, PageWindow.Move.STAY), this::refresh);
    }

    /** The call for the page at {@code at} with the filters and order chosen now. */
    private java.util.function.Supplier<Page<Order>> pageAt(PageWindow.Position at) {
        Long user = userFilter.get();
        OrderStatus status = statusFilter.get();
        String order = sort.get();
        return () -> {
            if (at.link() != null) {
                Page<Order> page = api().page(at.link(), at.limit());
                return at.reversed() ? PageWindow.inTableOrder(page) : page;
            }
            if (at.reversed()) {
                return PageWindow.inTableOrder(api().list(user, status, PageWindow.reversed(order), at.limit(), 0));
            }
            return api().list(user, status, order, at.limit(), at.offset());
        };
    }

    /** The id of the order last created or moved here: the table selects it. */
    public javafx.beans.property.ReadOnlyObjectProperty<Long> touchedProperty() {
        return touched.getReadOnlyProperty();
    }

    public CompletableFuture<Order> create(OrderDraft draft) {
        return calls.run("Creating an order for user " + draft.userId() + "…", () -> api().create(draft))
                .whenComplete((order, error) -> {
                    if (error == null) {
                        touched.set(order.id());
                        calls.say("Created order " + order.id() + " for user " + order.userId() + ", total " + order.total() + ".", false);
                        refresh();
                    } else {
                        calls.say("Order not created: " + Calls.sentence(error), true);
                    }
                });
    }

    /** Moves the order at the version shown; the service refuses moves its status machine forbids. */
    public CompletableFuture<Order> changeStatus(Order order, OrderStatus status) {
        return calls.run("Moving order " + order.id() + " to " + status + "…", () -> api().changeStatus(order.id(), status, order.version()))
                .whenComplete((changed, error) -> {
                    if (error == null) {
                        touched.set(changed.id());
                        load(window.current(), PageWindow.Move.STAY, "Order " + order.id() + " is now " + changed.status() + ".", false);
                    } else {
                        // the refusal stays on screen while the list reloads to show the order as it is now
                        load(window.current(), PageWindow.Move.STAY, refusal(order, status, error), true);
                    }
                });
    }

    /** Why the service refused a status move, in the service's words, with what happened meanwhile. */
    static String refusal(Order order, OrderStatus status, Throwable error) {
        String said = Calls.sentence(error);
        String because = said.endsWith(".") ? said : said + ".";
        if (Calls.unwrap(error) instanceof org.opsconsole.console.api.ApiException api) {
            if (api.isVersionConflict()) {
                return "Order " + order.id() + " not moved to " + status + ": someone changed it after it was shown ("
                        + (because.endsWith(".") ? because.substring(0, because.length() - 1) : because)
                        + "). The list now shows it as it is.";
            }
            if (api.isConflict()) {
                return "Order " + order.id() + " not moved to " + status + ": " + because + " The list now shows it as it is.";
            }
        }
        return "Order " + order.id() + " not moved to " + status + ": " + because;
    }

    public CompletableFuture<Void> delete(Order order) {
        return calls.<Void>run("Deleting order " + order.id() + "…", () -> {
            api().delete(order.id(), order.version());
            return null;
        }).whenComplete((ignored, error) -> {
            if (error == null) {
                calls.say("Deleted order " + order.id() + ".", false);
                refresh();
            } else {
                calls.say("Order " + order.id() + " not deleted: " + Calls.sentence(error), true);
            }
        });
    }

    /** Loads a page; {@code done}, when given, is what the action before it achieved (or why not), kept in the message. */
    private void load(PageWindow.Position at, PageWindow.Move move, String done, boolean doneFailed) {
        if (!orders.availableProperty().get()) {
            calls.say(done != null ? done : orders.notRunningSentence(), true);
            return;
        }
        long mine = ++generation;
        long started = System.nanoTime();
        calls.run(done == null ? "Loading orders…" : done + " Loading orders…", pageAt(at)).whenComplete((page, error) -> {
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
            if (done != null) {
                calls.say(done, doneFailed);
                return;
            }
            // the counts are the pager's, which follows changes made elsewhere: not repeated here to go stale
            calls.say(page.total() == 0 ? "No orders match." : "Page loaded in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms.", false);
        });
    }

    private void show(Page<Order> page, PageWindow.Position at, PageWindow.Move move) {
        if (!rows.equals(page.items())) {
            // unchanged rows are left alone: no redraw, and a row being clicked stays where it is
            rows.setAll(page.items());
        }
        window.show(page, at, move);
        lookUpNames(page.items());
    }

    /** The names of the users of these orders that are not known yet, fetched off the FX thread, then shown. */
    private void lookUpNames(java.util.List<Order> shown) {
        java.util.Set<Long> wanted = new java.util.LinkedHashSet<>();
        shown.forEach(o -> {
            if (!userNames.containsKey(o.userId())) {
                wanted.add(o.userId());
            }
        });
        if (wanted.isEmpty() || users.uri().isEmpty()) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            java.util.Map<Long, String> found = new java.util.HashMap<>();
            for (long id : wanted) {
                try {
                    found.put(id, fetchName(id));
                } catch (RuntimeException e) {
                    // unknown, deleted or unreachable: the id alone is shown
                }
            }
            return found;
        }, executor).thenAccept(found -> org.opsconsole.console.ui.fx.FxThread.run(() -> userNames.putAll(found)));
    }

    /** Names of the users of the orders shown, by id, as the users service gave them; grows as pages are shown. */
    public javafx.collections.ObservableMap<Long, String> userNames() {
        return userNames;
    }

    private OrdersApi api() {
        return apis.orders(orders.uri().orElseThrow(() -> new Calls.ServiceNotRunning(orders.notRunningSentence())));
    }
}
