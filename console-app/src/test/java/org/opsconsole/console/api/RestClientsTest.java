package org.opsconsole.console.api;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsconsole.model.Order;
import org.opsconsole.model.OrderDraft;
import org.opsconsole.model.OrderItem;
import org.opsconsole.model.OrderStatus;
import org.opsconsole.model.Page;
import org.opsconsole.model.User;
import org.opsconsole.model.UserDraft;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The typed clients against the real services, started embedded, including their error answers. */
class RestClientsTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private static RunningService users;
    private static RunningService orders;
    private static UsersApi usersApi;
    private static OrdersApi ordersApi;

    @BeforeAll
    static void start() {
        users = UserService.start(ServiceConfig.inMemory());
        orders = OrderService.start(ServiceConfig.inMemory().withUserServiceUrl(users.baseUri()));
        usersApi = new UsersApi(HTTP, users.baseUri(), null);
        ordersApi = new OrdersApi(HTTP, orders.baseUri(), null);
    }

    @AfterAll
    static void stop() {
        orders.stop();
        users.stop();
    }

    @Test
    void usersRoundTrip() {
        User created = usersApi.create(new UserDraft("Radia Perlman", "radia@example.com"));
        assertThat(usersApi.get(created.id())).isEqualTo(created);

        User updated = usersApi.update(created.id(), new UserDraft("Radia P.", "radia@example.com"), created.version());
        assertThat(updated.version()).isEqualTo(created.version() + 1);
        Page<User> page = usersApi.list("radia", "-name", 10, 0);
        assertThat(page.items()).extracting(User::name).containsExactly("Radia P.");
        assertThat(page.total()).isEqualTo(1);

        usersApi.delete(created.id(), updated.version());
        assertThat(catchThrowableOfType(ApiException.class, () -> usersApi.get(created.id())).isNotFound()).isTrue();
    }

    @Test
    void aStaleVersionIsAVersionConflictThatChangesNothing() {
        User created = usersApi.create(new UserDraft("Edsger", "edsger@example.com"));
        usersApi.update(created.id(), new UserDraft("Edsger D.", "edsger@example.com"), created.version());

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> usersApi.update(created.id(), new UserDraft("Mine", "edsger@example.com"), created.version()));

        assertThat(e.isVersionConflict()).isTrue();
        assertThat(e.getMessage()).contains("has changed");
        assertThat(usersApi.get(created.id()).name()).isEqualTo("Edsger D.");
    }

    @Test
    void validationErrorsNameTheirFields() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> usersApi.create(new UserDraft("", "not-an-email")));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactlyInAnyOrder("name", "email");
    }

    @Test
    void aDuplicateEmailIsAConflict() {
        usersApi.create(new UserDraft("Barbara", "barbara@example.com"));
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> usersApi.create(new UserDraft("Other", "BARBARA@example.com")));
        assertThat(e.isConflict()).isTrue();
        assertThat(e.getMessage()).contains("already exists");
    }

    @Test
    void ordersRoundTripWithStatusMoves() {
        User buyer = usersApi.create(new UserDraft("Buyer", "buyer@example.com"));
        Order order = ordersApi.create(new OrderDraft(buyer.id(), List.of(
                new OrderItem("KB-1", 2, new BigDecimal("49.90")), new OrderItem("MS-2", 1, new BigDecimal("0.1")))));
        assertThat(order.total()).isEqualByComparingTo("99.90");

        Order paid = ordersApi.changeStatus(order.id(), OrderStatus.PAID, order.version());
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        ApiException illegal = catchThrowableOfType(ApiException.class,
                () -> ordersApi.changeStatus(order.id(), OrderStatus.DELIVERED, null));
        assertThat(illegal.isConflict()).isTrue();
        assertThat(illegal.getMessage()).contains("allowed: SHIPPED, CANCELLED");

        assertThat(ordersApi.list(buyer.id(), OrderStatus.PAID, null, 10, 0).items()).extracting(Order::id)
                .containsExactly(order.id());
        ordersApi.delete(order.id(), null);
        assertThat(ordersApi.list(buyer.id(), null, null, 10, 0).total()).isZero();
    }

    @Test
    void anUnknownUserIsAFieldError() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> ordersApi.create(new OrderDraft(99_999L,
                List.of(new OrderItem("A", 1, BigDecimal.ONE)))));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("userId");
    }

    @Test
    void anUnreachableServiceSaysSoInWords() throws Exception {
        int freePort;
        try (var socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        UsersApi nowhere = new UsersApi(HTTP, URI.create("http://127.0.0.1:" + freePort), null);

        ApiException e = catchThrowableOfType(ApiException.class, () -> nowhere.list(null, null, 10, 0));

        assertThat(e.isUnreachable()).isTrue();
        assertThat(e.getMessage()).contains("not reachable");
    }
}
