/**
 * The load engine behind {@code opsconsole load} and the console's Load screen: an open-model
 * (wrk2-style, corrected for coordinated omission) or closed-model generator, the operation mix over
 * the bundled services, live snapshots, thresholds, reports (JSON, CSV, HTML) and saved runs.
 * Plain Java: nothing here touches JavaFX.
 */
package org.opsconsole.console.load;
