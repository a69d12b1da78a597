package io.leadlistener.load;

/**
 * When the i-th request of an open-loop run is due: {@code start + i / rate}, fixed before the run starts.
 *
 * <p>Latency is measured from this intended time, not from when the request actually left: a generator that
 * stalls behind a slow server would otherwise wait with it and record only the fast answers (coordinated
 * omission, see Gil Tene's "How NOT to measure latency"). Computed from the index, never by adding up periods,
 * so rounding does not drift over a long run.
 */
record SendSchedule(long startNanos, int ratePerSecond, int count) {

    SendSchedule {
        if (ratePerSecond <= 0 || count < 0) {
            throw new IllegalArgumentException("rate must be positive and count not negative: " + ratePerSecond
                    + "/s, " + count);
        }
    }

    static SendSchedule of(long startNanos, int ratePerSecond, long durationSeconds) {
        return new SendSchedule(startNanos, ratePerSecond, Math.toIntExact(ratePerSecond * durationSeconds));
    }

    long intendedNanos(int index) {
        return startNanos + index * 1_000_000_000L / ratePerSecond;
    }

    long endNanos() {
        return intendedNanos(count);
    }
}
