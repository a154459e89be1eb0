/**
 * The Data screen: users and orders, browsed and changed through the services' REST API
 * ({@code console.api}), never their databases. Views, their view models and the dialogs.
 */
package org.opsconsole.console.ui.data;
