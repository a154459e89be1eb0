/**
 * The load engine behind {@code opsconsole load} and the console's Load screen: an open-model
 * (wrk2-style, corrected for coordinated omission) or closed-model generator, the operation mix over
 * the bundled services, live snapshots, thresholds, reports (JSON, CSV, HTML) and saved runs.
 * Plain Java: nothing here touches JavaFX.
 *
 * <p>For a screen: build a {@link org.opsconsole.console.load.LoadScenario}, start it with
 * {@link org.opsconsole.console.load.LoadEngine#start}, watch the returned
 * {@link org.opsconsole.console.load.LoadRun} ({@code snapshots()} as a {@code Flow.Publisher}, or
 * {@code onSnapshot(listener)}: an immutable {@link org.opsconsole.console.load.LoadSnapshot} every
 * 100 ms, on the engine's thread, so hand it to the FX thread), {@code stop()} it, and take the
 * {@link org.opsconsole.console.load.LoadReport} from {@code completion()}. Saved runs, the baseline
 * and comparisons live in {@link org.opsconsole.console.load.RunStore}; files are written by
 * {@link org.opsconsole.console.load.ReportFiles}.
 */
package org.opsconsole.console.load;
