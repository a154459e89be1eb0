package org.opsconsole.service.order;

import org.junit.jupiter.api.Test;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.TestClient;
import org.opsconsole.service.kit.TestDatabases;
import org.opsconsole.service.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/** The console embeds both services in one JVM: their metrics must never mix. */
class TwoServicesInOneJvmTest {

    @Test
    void eachServiceReportsOnlyItsOwnRequestsAndTagsEveryMeter() {
        try (RunningService users = UserService.start(TestDatabases.fresh("users"));
             RunningService orders = OrderService.start(TestDatabases.fresh("orders").withUserServiceUrl(users.baseUri()))) {
            TestClient userApi = new TestClient(users.baseUri());
            TestClient orderApi = new TestClient(orders.baseUri());
            for (int i = 0; i < 5; i++) {
                userApi.get("/users/" + (1000 + i));
            }
            orderApi.get("/orders");

            String userMetrics = userApi.get("/observe/metrics").body();
            String orderMetrics = orderApi.get("/observe/metrics").body();

            assertThat(userMetrics).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                    + "route=\"/users/{id}\",service=\"users\",status=\"404\"} 5");
            assertThat(userMetrics).contains("http_server_errors_total{kind=\"client\",method=\"GET\","
                    + "route=\"/users/{id}\",service=\"users\"} 5");
            assertThat(userMetrics).doesNotContain("route=\"/orders/\"");
            assertThat(orderMetrics).contains("route=\"/orders/\"").doesNotContain("route=\"/users/{id}\"");
            assertThat(userMetrics).contains("http_server_requests_seconds_bucket{");
            assertThat(userMetrics).contains("hikaricp_connections_active{pool=\"users\",service=\"users\"}");
            assertThat(orderMetrics).contains("hikaricp_connections_active{pool=\"orders\",service=\"orders\"}");
            assertThat(userMetrics).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads{");
            for (String metrics : new String[] {userMetrics, orderMetrics}) {
                String service = metrics == userMetrics ? "users" : "orders";
                assertThat(metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                        .allMatch(line -> line.contains("service=\"" + service + "\""));
            }
        }
    }
}
