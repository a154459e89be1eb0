package org.opsconsole.console.supervisor;

import java.net.URI;

/**
 * One instance of a service as its last health probe found it.
 *
 * @param uri     its base URL
 * @param reach   whether it answered and how
 * @param reason  why it is not usable, in words; for a usable one, what it works without now (its
 *                health said DEGRADED); null when there is nothing to say
 * @param version the version it reports; null before it answered
 */
public record InstanceStatus(URI uri, Reach reach, String reason, String version) {

    /** What a probe found. */
    public enum Reach {
        /** Not probed yet. */
        UNKNOWN,
        /** Answered its health check with UP (or DEGRADED: working, with its broker away). */
        REACHABLE,
        /** Answered, but not healthy, or refused the console's API token. */
        UNHEALTHY,
        /** Did not answer. */
        UNREACHABLE
    }

    public static InstanceStatus unknown(URI uri) {
        return new InstanceStatus(uri, Reach.UNKNOWN, "not probed yet", null);
    }

    public boolean isUsable() {
        return reach == Reach.REACHABLE;
    }

    /** The row a card shows: "http://host:8081 reachable", "... unreachable: connection refused". */
    public String describe() {
        String word = reach.name().toLowerCase(java.util.Locale.ROOT);
        if (reach == Reach.REACHABLE) {
            return uri + " " + word + (reason == null ? "" : ", degraded: " + reason);
        }
        return uri + " " + word + (reason == null ? "" : ": " + reason);
    }
}
