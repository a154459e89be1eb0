/**
 * The Load screen: a form for a load run (with presets), live charts of the run beside the
 * services' own metrics on one time axis, the report, and the saved runs with comparison and export.
 */
package org.opsconsole.console.ui.load;
