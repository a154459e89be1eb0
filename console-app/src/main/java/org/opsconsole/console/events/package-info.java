/** The services' event streams (server-sent events over OkHttp), resumable, merged into one live feed. */
package org.opsconsole.console.events;
