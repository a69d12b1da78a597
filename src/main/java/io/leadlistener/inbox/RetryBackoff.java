package io.leadlistener.inbox;

import java.time.Duration;

/** Exponential backoff for failed rows: initial, 2×, 4× ... capped. Deterministic so on-call can predict it. */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff must not be shorter than the initial backoff");
        }
    }

    /** The wait after the given (1-based) failed attempt. */
    public Duration afterAttempt(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be >= 1");
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
