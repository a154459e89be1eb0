package org.opsconsole.console.supervisor;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one supervised service, as the console shows it.
 *
 * @param name          "users" or "orders"
 * @param state         lifecycle state
 * @param reason        why it FAILED (a sentence), or what it waits for; null when nothing to say
 * @param baseUri       where it listens while RUNNING; null otherwise
 * @param version       the service's version once it has run; null before
 * @param startedAt     when it became RUNNING; null when not running
 * @param healthy       the last health probe's answer (false when not running)
 * @param nextRetryAt   when restart-on-failure will try again; null when no retry is planned
 * @param warning       what the running service works without now, as its health said (DEGRADED: the
 *                      broker or the user service away), in words; null when nothing
 */
public record ServiceStatus(String name, ServiceState state, String reason, URI baseUri, String version,
                            Instant startedAt, boolean healthy, Instant nextRetryAt, String warning) {

    public static ServiceStatus stopped(String name) {
        return new ServiceStatus(name, ServiceState.STOPPED, null, null, null, null, false, null, null);
    }

    public Optional<URI> uri() {
        return Optional.ofNullable(baseUri);
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(reason);
    }

    /** How long it has been RUNNING at {@code now}; zero when not running. */
    public Duration uptime(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, now);
    }

    public ServiceStatus withHealthy(boolean value, String warningNow) {
        return new ServiceStatus(name, state, reason, baseUri, version, startedAt, value, nextRetryAt, warningNow);
    }

    public ServiceStatus withVersion(String value) {
        return new ServiceStatus(name, state, reason, baseUri, value, startedAt, healthy, nextRetryAt, warning);
    }

    public ServiceStatus withNextRetryAt(Instant value) {
        return new ServiceStatus(name, state, reason, baseUri, version, startedAt, healthy, value, warning);
    }
}
