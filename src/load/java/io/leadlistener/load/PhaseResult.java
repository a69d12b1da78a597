package io.leadlistener.load;

import java.time.Duration;

/**
 * One finished phase as the report shows it.
 *
 * @param target {@code service} or {@code bare}
 * @param load e.g. {@code open 500/s × 60 s} or {@code closed 32 conn × 20 s}
 * @param offeredRate callbacks per second scheduled, 0 for a closed loop
 * @param unseenAtSendEnd callbacks answered 200 whose Kafka record had not arrived when the last response came
 * @param backlogAtSendEnd inbox + outbox rows pending at that moment
 * @param drained how long after the last response the phase's last record arrived (or the drain timeout)
 * @param drainTimedOut some records had not arrived when the drain timeout passed (they may still come later)
 * @param backlogAfterDrain inbox + outbox rows pending after the drain
 * @param maxRssKib highest VmRSS of the target process sampled once a second during the phase
 * @param cpu where the machine's CPU went while the phase was sending (drain not included)
 * @param loadAverage 1-minute load average at the start and the end of the phase
 * @param cpuUntilDrained issue 24's measure: the machine's CPU from the phase's first request until every arrival was
 *     seen and {@code /q/health/well} reported an empty inbox and outbox; null for a target with no backlog (bare)
 * @param untilDrained how long that took, from the first request
 */
record PhaseResult(String target, String load, int offeredRate, PhaseRecorder recorder, long unseenAtSendEnd,
                   Backlog.Counts backlogAtSendEnd, Duration drained, boolean drainTimedOut, Backlog.Counts backlogAfterDrain,
                   long maxRssKib, CpuShares.Usage cpu, String loadAverage,
                   CpuShares.Usage cpuUntilDrained, Duration untilDrained) {

    /**
     * Answered 200 but not seen on Kafka. Read when the report is made, after the final drain at the end of the
     * run: a record that is late (after the phase's own drain timeout) is late, not lost.
     */
    long lost() {
        return recorder.unseen.size();
    }

    /** A few of the lost requests' keys (MsgIds), for looking them up in the service's log and the database. */
    String someLost() {
        return recorder.unseen.stream().limit(5).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Keeps up: nothing refused, the generator's schedule was met (≥ 95 %), and when sending stopped the service
     * owed less than one second of traffic on Kafka — a backlog that grows over a phase ends far above that.
     */
    boolean sustained() {
        return recorder.failed.get() == 0
                && (offeredRate == 0 || recorder.achievedRate() >= 0.95 * offeredRate)
                && unseenAtSendEnd <= Math.max(50, offeredRate);
    }
}
