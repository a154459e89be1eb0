package org.opsconsole.console.metrics;

import java.util.Map;

/**
 * One second's figures for every series, as appended to the history.
 *
 * @param epochSeconds when the scrape started
 * @param values       series -> value (NaN: no value this second)
 */
public record MetricsTick(double epochSeconds, Map<SeriesKey, Double> values) {

    public MetricsTick {
        values = Map.copyOf(values);
    }

    public double value(SeriesKey key) {
        return values.getOrDefault(key, Double.NaN);
    }
}
