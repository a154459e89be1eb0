/**
 * Metrics over HTTP: scraping Prometheus text every second, counters to rates, histogram buckets to
 * per-second p50/p95/p99, session history in ring buffers, CSV export. No JavaFX.
 */
package org.opsconsole.console.metrics;
