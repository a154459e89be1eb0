/**
 * The REST contract as plain Java: users, orders, pages, problems and events, and the one JSON
 * mapping both the services and the console use. No JavaFX, no Helidon.
 */
package org.opsconsole.model;
