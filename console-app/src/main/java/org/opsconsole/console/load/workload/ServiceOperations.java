package org.opsconsole.console.load.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.opsconsole.console.load.report.LoadData;
import org.opsconsole.console.load.transport.LoadHttpClient;
import org.opsconsole.model.Json;
import org.opsconsole.model.OrderStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operations over the bundled users and orders services, and the little state that keeps what
 * they create valid: every email is new ({@code load-<run>-<n>@example.test}), orders go to users
 * this run created, and a status change only makes a legal move on an order this run created, one
 * move at a time per order. So everything a run writes is marked as its load data in the services
 * themselves: its users by their email, its orders by their user; {@link #findByMarker} finds it
 * again long after the run (after a restart of the console too).
 */
public final class ServiceOperations {

    private static final Logger LOG = Logger.getLogger(ServiceOperations.class.getName());

    /** The names {@code --mix} accepts. */
    public static final List<String> NAMES = List.of(
            "read-user", "list-users", "create-user", "create-order", "list-orders", "change-status");

    /** The mix used when none is given. */
    public static final String DEFAULT_MIX = "read-user=60,list-users=10,create-user=10,create-order=15,change-status=5";

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int USER_SLOTS = 1 << 16;
    private static final int LOAD_USER_SLOTS = 1 << 12;
    /** Users a run creates before it starts, when its mix creates orders: the orders' owners. */
    static final int LOAD_USERS_FOR_ORDERS = 10;
    private static final int PAGE = 1000;
    private static final String[] SKUS = {"SKU-APPLE", "SKU-BREAD", "SKU-CHEESE", "SKU-DATES", "SKU-EGGS"};
    private static final String[] PRICES = {"0.99", "2.50", "4.75", "12.00", "19.99"};

    private final HttpUrl usersUrl;
    private final HttpUrl ordersUrl;
    private final String runId;
    private final String apiToken;
    private final ObjectMapper mapper = Json.mapper();
    private final AtomicLong emailCounter = new AtomicLong();
    // known user ids
    private final IdRing users = new IdRing(USER_SLOTS);
    // the users this run created, which its orders go to (a ring as well)
    private final IdRing loadUsers = new IdRing(LOAD_USER_SLOTS);
    private final ConcurrentLinkedQueue<OrderRef> movableOrders = new ConcurrentLinkedQueue<>();
    private final AtomicLong movableCount = new AtomicLong();
    private volatile long knownUserTotal;
    // everything this run created, to delete when it ends: its load data
    private final Created createdUsers = new Created("users");
    private final Created createdOrders = new Created("orders");
    // the users an order was being created for when no answer came: the service may have created it
    private final Set<Long> ownersOfUnheardOrders = ConcurrentHashMap.newKeySet();

    /** An order this run created, and where it stands. */
    record OrderRef(long id, OrderStatus status) {
    }

    /** Whom an order is created for, carried as the request's tag. */
    record OrderOwner(long userId) {
    }

    /** A move in flight, carried as the request's tag. */
    record Move(OrderRef order, OrderStatus to) {
    }

    public ServiceOperations(String usersUrl, String ordersUrl, String runId) {
        this(usersUrl, ordersUrl, runId, null);
    }

    /** @param apiToken the bearer token every request carries; null for none */
    public ServiceOperations(String usersUrl, String ordersUrl, String runId, String apiToken) {
        this.apiToken = apiToken == null || apiToken.isBlank() ? null : apiToken;
        this.usersUrl = base(usersUrl, "--users-url");
        this.ordersUrl = base(ordersUrl, "--orders-url");
        this.runId = runId;
    }

    private static HttpUrl base(String url, String what) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException(what + " '" + url + "' is not an http(s) URL");
        }
        return parsed;
    }

    /** Refuses a mix naming an operation there is none of, listing the known ones. */
    static void check(OperationMix mix) {
        for (String name : mix.names()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown operation '" + name + "' in the mix; known: " + String.join(", ", NAMES));
            }
        }
    }

    /** The operations of {@code mix}, by name; an unknown name is an error that lists the known ones. */
    public Map<String, Operation> operations(OperationMix mix) {
        check(mix);
        Map<String, Operation> ops = new LinkedHashMap<>();
        for (String name : mix.names()) {
            ops.put(name, switch (name) {
                case "read-user" -> new ReadUser();
                case "list-users" -> new ListUsers();
                case "create-user" -> new CreateUser();
                case "create-order" -> new CreateOrder();
                case "list-orders" -> new ListOrders();
                case "change-status" -> new ChangeStatus();
                default -> throw new IllegalStateException("no operation " + name);
            });
        }
        return ops;
    }

    /**
     * Before the clock starts: learns which users exist, creates a few when there are none, and
     * creates some orders to move when the mix changes statuses. Not measured.
     */
    public void prepare(LoadHttpClient http, OperationMix mix) throws IOException {
        LoadHttpClient.Outcome page = http.send(request()
                .url(usersUrl.newBuilder().addPathSegment("users")
                        .addQueryParameter("limit", "500").addQueryParameter("offset", "0").build())
                .build(), true);
        if (!page.ok()) {
            throw new IOException(explain("list the users to read and to order for", "users", usersUrl, page, apiToken != null));
        }
        JsonNode root = mapper.readTree(page.body());
        knownUserTotal = root.path("total").asLong();
        for (JsonNode user : root.path("items")) {
            users.add(user.path("id").asLong());
        }
        boolean ordersToo = mix.names().stream().anyMatch(n -> n.equals("create-order") || n.equals("change-status"));
        CreateUser createUser = new CreateUser();
        for (int i = 0; ordersToo && loadUsers.added() < LOAD_USERS_FOR_ORDERS && i < 2 * LOAD_USERS_FOR_ORDERS; i++) {
            run(http, createUser, "create a user to order for");
        }
        boolean readsUsers = mix.names().contains("read-user") || mix.names().contains("list-orders");
        for (int i = 0; readsUsers && users.added() < 10 && i < 20; i++) {
            run(http, createUser, "create a user to read");
        }
        if (mix.names().contains("change-status")) {
            CreateOrder createOrder = new CreateOrder();
            for (int i = 0; i < 20; i++) {
                run(http, createOrder, "create an order to move");
            }
        }
    }

    private static void run(LoadHttpClient http, Operation op, String why) throws IOException {
        Request request = op.nextRequest();
        LoadHttpClient.Outcome outcome = http.send(request, op.readsBody());
        if (!outcome.ok()) {
            String service = request.url().pathSegments().getFirst().startsWith("order") ? "orders" : "users";
            throw new IOException(explain(why, service, request.url(), outcome, request.header("Authorization") != null));
        }
        op.onResponse(request, outcome.status(), outcome.body());
    }

    /**
     * Why preparing the run failed, in an operator's words, with what to do: "Before the run could
     * start, the console tried to create an order to move, but the orders service at URL ..."
     */
    static String explain(String why, String service, HttpUrl url, LoadHttpClient.Outcome outcome, boolean tokenSent) {
        return explain("Before the run could start, the console", why, service, url, outcome, tokenSent);
    }

    /** As above, said of a moment of one's choosing: "{@code who} tried to WHY, but ...". */
    static String explain(String who, String why, String service, HttpUrl url, LoadHttpClient.Outcome outcome, boolean tokenSent) {
        String address = url.scheme() + "://" + url.host() + ":" + url.port();
        String at = "the " + service + " service at " + address;
        String what = switch (outcome.errorKind()) {
            case "connection refused" -> "nothing answers at " + address + ". Start the " + service
                    + " service, or correct its URL";
            case "unknown host" -> "the host of " + address + " is unknown. Correct the " + service + " URL";
            case "not https", "tls handshake closed" -> LoadHttpClient.tlsTrouble(outcome.errorKind(), address, service + " URL");
            case "untrusted certificate" -> LoadHttpClient.tlsTrouble(outcome.errorKind(), at, service + " URL");
            case "tls failed" -> at + " failed the TLS handshake. Check its https setup, or use its http address";
            case "timeout" -> at + " did not answer in time. It may be overloaded or stuck: check it on the Services screen,"
                    + " or raise the timeout";
            case "connection reset", "connection closed" -> "the connection to " + address + " was dropped. Check that it is the "
                    + service + " service, and that it runs";
            default -> switch (outcome.status()) {
                case 401, 403 -> tokenSent
                        ? at + " refused the API token. Give the right one with --api-token, or add the service again with it"
                        : at + " wants an API token. Give it with --api-token, or add the service with its token";
                case 404 -> address + " has no such path (HTTP 404). Check that it is the " + service + " service's address";
                case 503 -> at + " is unavailable (HTTP 503)" + ("orders".equals(service)
                        ? ": the users service it asks about every new order may be down. Check both on the Services screen"
                        : ". Check it on the Services screen");
                case 0 -> "the connection to " + address + " failed (" + outcome.errorKind() + ")";
                default -> outcome.status() >= 500
                        ? at + " failed (HTTP " + outcome.status() + "). Its log says why"
                        : at + " refused it (HTTP " + outcome.status() + ")";
            };
        };
        return who + " tried to " + why + ", but " + what + ".";
    }

    /** Ids in a fixed ring: memory stays flat however many a long run adds; a random one of the latest. */
    private static final class IdRing {
        private final AtomicReferenceArray<Long> ids;
        private final AtomicLong added = new AtomicLong();

        IdRing(int slots) {
            ids = new AtomicReferenceArray<>(slots);
        }

        void add(long id) {
            ids.set((int) (added.getAndIncrement() % ids.length()), id);
        }

        long added() {
            return added.get();
        }

        /** One of the ids, or null while there is none. */
        Long random() {
            long n = Math.min(added.get(), ids.length());
            return n == 0 ? null : ids.get(ThreadLocalRandom.current().nextInt((int) n));
        }
    }

    private long idOf(byte[] body) {
        try {
            return mapper.readTree(body).path("id").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private RequestBody json(Object value) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
        } catch (IOException e) {
            throw new IllegalStateException("can't write a request body", e);
        }
    }

    private final class ReadUser implements Operation {
        @Override
        public String name() {
            return "read-user";
        }

        @Override
        public Request nextRequest() {
            Long id = users.random();
            return id == null ? null : request()
                    .url(usersUrl.newBuilder().addPathSegment("users").addPathSegment(id.toString()).build())
                    .build();
        }
    }

    private final class ListUsers implements Operation {
        @Override
        public String name() {
            return "list-users";
        }

        @Override
        public Request nextRequest() {
            long total = Math.max(knownUserTotal, users.added());
            long offset = total <= 20 ? 0 : ThreadLocalRandom.current().nextLong(Math.min(total - 20, 10_000));
            return request().url(usersUrl.newBuilder().addPathSegment("users")
                    .addQueryParameter("limit", "20").addQueryParameter("offset", Long.toString(offset)).build())
                    .build();
        }
    }

    private final class CreateUser implements Operation {
        @Override
        public String name() {
            return "create-user";
        }

        @Override
        public Request nextRequest() {
            long n = emailCounter.incrementAndGet();
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", "Load " + runId + " " + n);
            body.put("email", "load-" + runId + "-" + n + "@example.test");
            return request().url(usersUrl.newBuilder().addPathSegment("users").build())
                    .post(json(body)).build();
        }

        @Override
        public boolean readsBody() {
            return true;
        }

        @Override
        public void onResponse(Request request, int status, byte[] body) {
            if (status == 201) {
                long id = idOf(body);
                if (id > 0) {
                    users.add(id);
                    loadUsers.add(id);
                    createdUsers.add(id);
                }
            }
        }
    }

    private final class CreateOrder implements Operation {
        @Override
        public String name() {
            return "create-order";
        }

        @Override
        public Request nextRequest() {
            Long userId = loadUsers.random();
            if (userId == null) {
                return null;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                int k = random.nextInt(SKUS.length);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("sku", SKUS[k]);
                item.put("quantity", 1 + random.nextInt(5));
                item.put("unitPrice", PRICES[k]);
                items.add(item);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("userId", userId);
            body.put("items", items);
            return request().url(ordersUrl.newBuilder().addPathSegment("orders").build())
                    .post(json(body)).tag(OrderOwner.class, new OrderOwner(userId)).build();
        }

        @Override
        public void onFailure(Request request) {
            ownersOfUnheardOrders.add(request.tag(OrderOwner.class).userId());
        }

        @Override
        public boolean readsBody() {
            return true;
        }

        @Override
        public void onResponse(Request request, int status, byte[] body) {
            if (status == 201) {
                long id = idOf(body);
                if (id > 0) {
                    createdOrders.add(id);
                }
                // a long run keeps a bounded pool of orders to move: enough to spread the moves
                if (id > 0 && movableCount.get() < 100_000) {
                    movableOrders.add(new OrderRef(id, OrderStatus.NEW));
                    movableCount.incrementAndGet();
                }
            }
        }
    }

    private final class ListOrders implements Operation {
        @Override
        public String name() {
            return "list-orders";
        }

        @Override
        public Request nextRequest() {
            HttpUrl.Builder url = ordersUrl.newBuilder().addPathSegment("orders").addQueryParameter("limit", "20");
            Long userId = users.random();
            if (userId != null && ThreadLocalRandom.current().nextBoolean()) {
                url.addQueryParameter("userId", userId.toString());
            }
            return request().url(url.build()).build();
        }
    }

    private final class ChangeStatus implements Operation {
        @Override
        public String name() {
            return "change-status";
        }

        @Override
        public Request nextRequest() {
            OrderRef order = movableOrders.poll();
            if (order == null) {
                return null;
            }
            movableCount.decrementAndGet();
            // mostly the happy path, sometimes a cancellation, always a legal move
            List<OrderStatus> next = new ArrayList<>(order.status().next());
            OrderStatus to = next.size() == 1 || ThreadLocalRandom.current().nextInt(10) > 0
                    ? next.getFirst() : next.get(1);
            return request()
                    .url(ordersUrl.newBuilder().addPathSegment("orders").addPathSegment(Long.toString(order.id())).build())
                    .patch(json(Map.of("status", to.name())))
                    .tag(Move.class, new Move(order, to))
                    .build();
        }

        @Override
        public void onResponse(Request request, int status, byte[] body) {
            Move move = request.tag(Move.class);
            OrderRef moved = status / 100 == 2 ? new OrderRef(move.order().id(), move.to()) : move.order();
            if (status / 100 == 2 || status >= 500) {
                if (!moved.status().next().isEmpty()) {
                    movableOrders.add(moved);
                    movableCount.incrementAndGet();
                }
            }
        }
    }

    /** What the run created so far, none of it deleted. */
    public LoadData created(boolean kept) {
        return new LoadData(createdUsers.count.get(), createdOrders.count.get(), 0, 0, kept);
    }

    /**
     * Deletes what the run created, on {@code parallel} threads: its orders first, then its users
     * (one already gone counts as deleted). Answers what was created and what is deleted now, over
     * every call: a run's data deleted later, after it was kept, adds up the same.
     */
    public LoadData deleteCreated(LoadHttpClient http, int parallel) throws InterruptedException {
        deleteAll(http, parallel, createdOrders, ordersUrl);
        deleteAll(http, parallel, createdUsers, usersUrl);
        return new LoadData(createdUsers.count.get(), createdOrders.count.get(), createdUsers.deleted.get(),
                createdOrders.deleted.get(), false);
    }

    /**
     * Deletes what the run heard it created, then what its marker still finds ({@link #findByMarker}) and
     * deletes that too: all of the run's load data, also what it created without hearing so. Answers
     * what was created and deleted; when the services can't be searched, with the reason.
     */
    public LoadData deleteHeardAndFound(LoadHttpClient http, int parallel) throws InterruptedException {
        LoadData heard = deleteCreated(http, parallel);
        try {
            findByMarker(http);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Load data of run {0}: {1}", new Object[] {runId, e.getMessage()});
            return heard.withSearchProblem(e.getMessage());
        }
        return deleteCreated(http, parallel);
    }

    /** What marks this run's users: their emails start with it. */
    private String marker() {
        return "load-" + runId + "-";
    }

    /**
     * Finds this run's load data in the services by its marker (its users' emails, and those users'
     * orders), for {@link #deleteCreated} to delete: how a run's kept data is deleted after the run
     * that made it is gone, and how a run finds what it created without hearing so (a create whose
     * answer was cancelled by a stop, or came after its timeout): the users by the marker, the orders
     * among those of the users an unanswered create was for. What is still listed is not listed twice.
     *
     * @throws IOException in an operator's words when a service can't be asked
     */
    private void findByMarker(LoadHttpClient http) throws IOException {
        Set<Long> listedUsers = new HashSet<>(createdUsers.ids);
        Set<Long> listedOrders = new HashSet<>(createdOrders.ids);
        List<Long> users = new ArrayList<>();
        for (long offset = 0; ; offset += PAGE) {
            JsonNode page = page(http, usersUrl.newBuilder().addPathSegment("users").addQueryParameter("q", marker())
                    .addQueryParameter("sort", "id"), offset, "find the users of run " + runId, "users");
            for (JsonNode user : page.path("items")) {
                if (user.path("email").asText().startsWith(marker()) && !listedUsers.contains(user.path("id").asLong())) {
                    users.add(user.path("id").asLong());
                }
            }
            if (page.path("items").size() < PAGE) {
                break;
            }
        }
        Set<Long> owners = new LinkedHashSet<>(users);
        owners.addAll(ownersOfUnheardOrders);
        for (long owner : owners) {
            for (long offset = 0; ; offset += PAGE) {
                JsonNode page = page(http, ordersUrl.newBuilder().addPathSegment("orders")
                        .addQueryParameter("userId", Long.toString(owner)).addQueryParameter("sort", "id"), offset,
                        "find the orders of run " + runId, "orders");
                for (JsonNode order : page.path("items")) {
                    if (listedOrders.add(order.path("id").asLong())) {
                        createdOrders.add(order.path("id").asLong());
                    }
                }
                if (page.path("items").size() < PAGE) {
                    break;
                }
            }
            ownersOfUnheardOrders.remove(owner);
        }
        users.forEach(createdUsers::add);
    }

    private JsonNode page(LoadHttpClient http, HttpUrl.Builder url, long offset, String why, String service) throws IOException {
        Request request = request().url(url.addQueryParameter("limit", Integer.toString(PAGE))
                .addQueryParameter("offset", Long.toString(offset)).build()).build();
        LoadHttpClient.Outcome outcome = http.send(request, true);
        if (!outcome.ok()) {
            throw new IOException(explain("The console", why, service, request.url(), outcome, apiToken != null));
        }
        return mapper.readTree(outcome.body());
    }

    /** The ids of what the run created under one path ({@code /users}, {@code /orders}) and not deleted yet. */
    private static final class Created {
        final String path;
        final ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        final AtomicLong count = new AtomicLong();
        final AtomicLong deleted = new AtomicLong();

        Created(String path) {
            this.path = path;
        }

        void add(long id) {
            ids.add(id);
            count.incrementAndGet();
        }
    }

    private void deleteAll(LoadHttpClient http, int parallel, Created created, HttpUrl base) throws InterruptedException {
        ConcurrentLinkedQueue<Long> ids = created.ids;
        List<Long> failed = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            threads.add(Thread.ofPlatform().daemon(true).name("load-data-delete-" + i).start(() -> {
                Long id;
                while ((id = ids.poll()) != null) {
                    LoadHttpClient.Outcome outcome = http.send(request()
                            .url(base.newBuilder().addPathSegment(created.path).addPathSegment(id.toString()).build())
                            .delete().build(), false);
                    if (outcome.status() == 204 || outcome.status() == 200 || outcome.status() == 404) {
                        created.deleted.incrementAndGet();
                    } else {
                        failed.add(id);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // what could not be deleted stays listed: a later call tries it again
        ids.addAll(failed);
    }

    private Request.Builder request() {
        Request.Builder builder = new Request.Builder();
        return apiToken == null ? builder : builder.header("Authorization", "Bearer " + apiToken);
    }
}
