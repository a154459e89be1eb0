/**
 * The JavaFX console: the only package (with its sub-packages, one per screen) that touches JavaFX,
 * ChartFX or AtlantaFX. {@link org.opsconsole.console.ui.ConsoleWindow} is the frame,
 * {@link org.opsconsole.console.ui.Screen} the navigation, {@link org.opsconsole.console.ui.ScreenViews}
 * where screens are plugged in.
 */
package org.opsconsole.console.ui;
