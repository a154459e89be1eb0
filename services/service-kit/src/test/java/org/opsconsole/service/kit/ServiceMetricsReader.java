package org.opsconsole.service.kit;

import java.net.URI;

/** Reads one value from a service's {@code /observe/metrics}, as Prometheus would. */
public final class ServiceMetricsReader {

    private ServiceMetricsReader() {
    }

    /** The first series of {@code metric}; -1 when the service does not export it. */
    public static long value(URI service, String metric) {
        return new TestClient(service).get("/observe/metrics").body().lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    /** The orders service's consumer offset: the id of the last users event it applied. */
    public static long consumerOffset(URI orders) {
        return value(orders, "events_consumer_offset");
    }
}
