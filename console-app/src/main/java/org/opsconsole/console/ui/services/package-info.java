/** The services screen: view and view model. */
package org.opsconsole.console.ui.services;
