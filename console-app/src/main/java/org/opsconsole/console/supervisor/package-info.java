/**
 * Lifecycle of the embedded services: start, stop, restart, health probing and restart-on-failure
 * with back-off. Plain Java, no JavaFX; the console's views listen to {@link org.opsconsole.console.supervisor.ServiceSupervisor}.
 */
package org.opsconsole.console.supervisor;
