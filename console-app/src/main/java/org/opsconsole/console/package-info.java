/**
 * The console's entry point ({@link org.opsconsole.console.Launcher}), its options and data folders,
 * and {@link org.opsconsole.console.session.ConsoleSession}, which wires the capabilities (supervisor, metrics,
 * logs, events) for one run; sub-packages by capability, JavaFX only in {@code ui}.
 */
package org.opsconsole.console;
