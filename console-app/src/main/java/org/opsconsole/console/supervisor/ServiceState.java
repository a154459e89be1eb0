package org.opsconsole.console.supervisor;

/** Where an embedded service is in its life: STOPPED -> STARTING -> RUNNING -> STOPPING -> STOPPED, or FAILED. */
public enum ServiceState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    FAILED;

    /** True when a start makes sense from here. */
    public boolean canStart() {
        return this == STOPPED || this == FAILED;
    }

    /** True when a stop makes sense from here. */
    public boolean canStop() {
        return this == RUNNING || this == STARTING;
    }
}
