package org.opsconsole.console.supervisor;

import java.time.Duration;

/**
 * How restart-on-failure backs off: the n-th consecutive retry waits {@code first * 2^(n-1)},
 * capped at {@code max}. After {@code stableAfter} of healthy running the count starts again.
 */
public record RestartPolicy(Duration first, Duration max, Duration stableAfter) {

    public static RestartPolicy defaults() {
        return new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** The wait before retry number {@code attempt} (1-based). */
    public Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt, 1) - 1, 20);
        long millis = first.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
