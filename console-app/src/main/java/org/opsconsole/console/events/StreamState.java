package org.opsconsole.console.events;

/** Where a service's event stream is: waiting for the service, connected, or trying again after a drop. */
public enum StreamState {
    WAITING,
    CONNECTED,
    RECONNECTING,
    CLOSED
}
