/**
 * The headless commands of {@code opsconsole} (picocli): {@code serve}, {@code load}, and the root
 * command that opens the console window.
 */
package org.opsconsole.console.cli;
