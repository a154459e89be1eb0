/** The events screen: view and view model. */
package org.opsconsole.console.ui.events;
