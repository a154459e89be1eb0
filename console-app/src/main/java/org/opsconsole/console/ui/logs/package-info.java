/** The logs screen: view and view model. */
package org.opsconsole.console.ui.logs;
