/** Capture of each service's java.util.logging output into ring buffers that survive restarts; filtering and export. */
package org.opsconsole.console.logs;
