/**
 * The load engine behind {@code opsconsole load} and the console's Load screen, by what each part holds.
 * Plain Java: nothing here touches JavaFX.
 * <ul>
 *   <li>{@code workload}: what to run: a {@link org.opsconsole.console.load.workload.LoadScenario}, made by
 *       {@link org.opsconsole.console.load.workload.ScenarioBuilder} (the command and the screen alike), its
 *       stages and rate plan, the operation mix over the bundled services or one URL, thresholds.</li>
 *   <li>{@code engine}: how it runs: {@link org.opsconsole.console.load.engine.LoadEngine#start} returns a
 *       {@link org.opsconsole.console.load.engine.LoadRun} (an immutable
 *       {@link org.opsconsole.console.load.engine.LoadSnapshot} every 100 ms, {@code stop()}, the report from
 *       {@code completion()}); the schedule, pacing and late accounting on a
 *       {@link org.opsconsole.console.load.engine.LoadClock}, HdrHistogram recording, the warm-up, the
 *       load data it deletes when it ends.</li>
 *   <li>{@code transport}: how a request is sent: the engine's one plain-HTTP/1.1 transport (non-blocking sockets driven by the thread that owns them), OkHttp for https.</li>
 *   <li>{@code report}: what a run leaves: {@link org.opsconsole.console.load.report.LoadReport}, as text,
 *       HTML, CSV and JSON, saved runs, the baseline and comparisons
 *       ({@link org.opsconsole.console.load.report.RunStore}).</li>
 * </ul>
 * Layers: {@code engine} uses the others; {@code workload} uses {@code transport} and {@code report};
 * {@code transport} and {@code report} use none of them.
 */
package org.opsconsole.console.load;
