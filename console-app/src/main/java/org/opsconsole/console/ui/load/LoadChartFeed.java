package org.opsconsole.console.ui.load;

import org.opsconsole.console.load.engine.LoadSnapshot;
import org.opsconsole.console.metrics.MetricsTick;

/**
 * What the Load screen's model tells the charts the screen built ({@link LoadCharts}): a run
 * starts, a second of it, it ends, and a second of the services' own figures. The model holds
 * this, never the charts.
 */
interface LoadChartFeed {

    /** Charts nobody has built yet: everything is dropped. */
    LoadChartFeed NONE = new LoadChartFeed() {
        @Override
        public void runStarting(java.time.Duration warmup, boolean scheduled) {
        }

        @Override
        public void runSecond(LoadSnapshot snapshot) {
        }

        @Override
        public void runEnded() {
        }

        @Override
        public void runDidNotStart() {
        }

        @Override
        public void servicesSecond(MetricsTick tick) {
        }

        @Override
        public void dispose() {
        }
    };

    /**
     * A run starts, with this long a warm-up before its measured part; {@code scheduled} when it sends
     * on a schedule (the open model), which has a target rate to draw (the closed model has none).
     */
    void runStarting(java.time.Duration warmup, boolean scheduled);

    /** One second of the run (of its warm-up, then measured), off the FX thread. */
    void runSecond(LoadSnapshot snapshot);

    void runEnded();

    /** The run announced by {@link #runStarting} failed before its first request; on the FX thread. */
    void runDidNotStart();

    /** One second of the services' figures, off the FX thread. */
    void servicesSecond(MetricsTick tick);

    void dispose();
}
