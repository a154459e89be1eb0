/** The metrics screen: view and view model. */
package org.opsconsole.console.ui.metrics;
