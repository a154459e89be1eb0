package org.opsconsole.console.metrics;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's figures from its instances' figures of the same second: rates, heap, threads and
 * connections add up; a latency percentile is the slowest instance's (percentiles of separate
 * instances can't be added, and the slowest is what a caller may meet), as is the database file.
 * Instances with no figure (unreachable) are left out; with none at all the total is a gap too.
 */
public final class InstanceTotals {

    private static final Set<Metric> SLOWEST = EnumSet.of(Metric.LATENCY_P50, Metric.LATENCY_P95, Metric.LATENCY_P99,
            Metric.DB_FILE_MB);

    private InstanceTotals() {
    }

    /** The series of {@code total} for one row that holds the series of {@code instances}. */
    public static Map<SeriesKey, Double> of(String total, List<String> instances, Map<SeriesKey, Double> row) {
        Map<SeriesKey, Double> out = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            double combined = Double.NaN;
            for (String instance : instances) {
                Double value = row.get(new SeriesKey(instance, metric));
                if (value == null || value.isNaN()) {
                    continue;
                }
                combined = Double.isNaN(combined) ? value : SLOWEST.contains(metric) ? Math.max(combined, value) : combined + value;
            }
            out.put(new SeriesKey(total, metric), combined);
        }
        return out;
    }
}
