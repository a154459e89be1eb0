package org.opsconsole.console.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServiceMetricsCalculatorTest {

    private static final long SECOND = 1_000_000_000L;

    private static String scrape(String service, long requests, long fast, long errors5xx, long errors4xx, double heapMb) {
        String s = "service=\"" + service + "\"";
        String r = s + ",method=\"GET\",route=\"/users\",status=\"200\",outcome=\"SUCCESS\"";
        return """
                http_server_requests_seconds_bucket{%1$s,le="0.01"} %2$d
                http_server_requests_seconds_bucket{%1$s,le="0.1"} %3$d
                http_server_requests_seconds_bucket{%1$s,le="+Inf"} %3$d
                http_server_requests_seconds_count{%1$s} %3$d
                http_server_requests_seconds_sum{%1$s} 1.0
                http_server_errors_total{%4$s,method="GET",route="/users",kind="server"} %5$d
                http_server_errors_total{%4$s,method="GET",route="/users",kind="client"} %6$d
                jvm_memory_used_bytes{%4$s,area="heap",id="eden"} %7$f
                jvm_memory_used_bytes{%4$s,area="heap",id="old"} %7$f
                jvm_memory_used_bytes{%4$s,area="nonheap",id="meta"} 99999999
                jvm_threads_live_threads{%4$s} 31
                hikaricp_connections_active{%4$s,pool="p"} 2
                """.formatted(r, fast, requests, s, errors5xx, errors4xx, heapMb * 1024 * 1024 / 2);
    }

    @Test
    void firstScrapeGivesGaugesButNoRates() {
        ServiceMetricsCalculator users = new ServiceMetricsCalculator("users");
        Map<Metric, Double> first = users.update(PrometheusTextParser.parse(scrape("users", 100, 100, 0, 0, 64)), 0);
        assertThat(first.get(Metric.REQUESTS_PER_SECOND)).isNaN();
        assertThat(first.get(Metric.LATENCY_P99)).isNaN();
        assertThat(first.get(Metric.HEAP_USED_MB)).isCloseTo(64.0, within(1e-6));
        assertThat(first.get(Metric.LIVE_THREADS)).isEqualTo(31.0);
        assertThat(first.get(Metric.DB_POOL_ACTIVE)).isEqualTo(2.0);
    }

    @Test
    void ratesAndPercentilesComeFromTheIncrementsOverTheInterval() {
        ServiceMetricsCalculator users = new ServiceMetricsCalculator("users");
        users.update(PrometheusTextParser.parse(scrape("users", 100, 100, 0, 0, 64)), 0);
        // two seconds later: 200 more requests, 100 of them under 10 ms and 100 between 10 and 100 ms
        Map<Metric, Double> next = users.update(PrometheusTextParser.parse(scrape("users", 300, 200, 4, 10, 64)), 2 * SECOND);
        assertThat(next.get(Metric.REQUESTS_PER_SECOND)).isCloseTo(100.0, within(1e-9));
        assertThat(next.get(Metric.SERVER_ERRORS_PER_SECOND)).isCloseTo(2.0, within(1e-9));
        assertThat(next.get(Metric.CLIENT_ERRORS_PER_SECOND)).isCloseTo(5.0, within(1e-9));
        assertThat(next.get(Metric.LATENCY_P50)).isCloseTo(10.0, within(1e-6));   // ms
        assertThat(next.get(Metric.LATENCY_P95)).isCloseTo(91.0, within(1e-6));   // 10 + 90 * 0.9
        assertThat(next.get(Metric.LATENCY_P99)).isCloseTo(98.2, within(1e-6));
    }

    @Test
    void anotherServicesSamplesNeverCount() {
        ServiceMetricsCalculator users = new ServiceMetricsCalculator("users");
        String both = scrape("users", 10, 10, 0, 0, 64) + scrape("orders", 5000, 5000, 100, 100, 999);
        users.update(PrometheusTextParser.parse(both), 0);
        String later = scrape("users", 20, 20, 0, 0, 64) + scrape("orders", 9000, 9000, 500, 500, 999);
        Map<Metric, Double> next = users.update(PrometheusTextParser.parse(later), SECOND);
        assertThat(next.get(Metric.REQUESTS_PER_SECOND)).isEqualTo(10.0);
        assertThat(next.get(Metric.SERVER_ERRORS_PER_SECOND)).isZero();
        assertThat(next.get(Metric.HEAP_USED_MB)).isCloseTo(64.0, within(1e-6));
    }

    @Test
    void aRestartBetweenScrapesDoesNotGiveANegativeRate() {
        ServiceMetricsCalculator users = new ServiceMetricsCalculator("users");
        users.update(PrometheusTextParser.parse(scrape("users", 5000, 5000, 0, 0, 64)), 0);
        Map<Metric, Double> next = users.update(PrometheusTextParser.parse(scrape("users", 3, 3, 0, 0, 64)), SECOND);
        assertThat(next.get(Metric.REQUESTS_PER_SECOND)).isEqualTo(3.0);
    }

    @Test
    void anIntervalWithoutRequestsHasNoLatency() {
        ServiceMetricsCalculator users = new ServiceMetricsCalculator("users");
        users.update(PrometheusTextParser.parse(scrape("users", 10, 10, 0, 0, 64)), 0);
        Map<Metric, Double> idle = users.update(PrometheusTextParser.parse(scrape("users", 10, 10, 0, 0, 64)), SECOND);
        assertThat(idle.get(Metric.REQUESTS_PER_SECOND)).isZero();
        assertThat(idle.get(Metric.LATENCY_P50)).isNaN();
    }
}
