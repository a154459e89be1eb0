package org.opsconsole.service.kit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyNamedRegistryTest {

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new FamilyNamedRegistry(), Clock.SYSTEM);
    private final AtomicInteger dearReads = new AtomicInteger();

    @Test
    void aScrapeOfSomeFamiliesReadsNoOtherMeterOnceEachHasBeenScrapedWhole() {
        Gauge dear = Gauge.builder("dear.gauge", dearReads, AtomicInteger::incrementAndGet).register(registry);
        Gauge.builder("cheap.gauge", () -> 7).register(registry);
        registry.counter("asked.things").increment(3);

        String whole = registry.scrape();
        assertThat(whole).contains("dear_gauge ", "cheap_gauge 7.0", "asked_things_total 3.0");
        int readsAfterWhole = dearReads.get();

        for (int i = 0; i < 3; i++) {
            String some = registry.scrape("text/plain; version=0.0.4; charset=utf-8", Set.of("cheap_gauge", "asked_things"));
            assertThat(some).contains("cheap_gauge 7.0", "asked_things_total 3.0").doesNotContain("dear_gauge");
        }
        assertThat(dearReads.get()).as("reads of a gauge no scrape asked for").isEqualTo(readsAfterWhole);

        assertThat(registry.scrape("text/plain; version=0.0.4; charset=utf-8", Set.of("dear_gauge"))).contains("dear_gauge ");
        registry.remove(dear);
        assertThat(registry.scrape()).doesNotContain("dear_gauge").contains("cheap_gauge 7.0");
    }
}
