package io.leadlistener.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load: the i-th callback is due at {@link SendSchedule#intendedNanos(int)} whatever happened to
 * the earlier ones, and its latencies count from that instant. At most {@code maxInFlight} requests are open at
 * once (a bound on connections, not a pacing device): when the server falls behind, later sends wait for a slot
 * and that wait is part of their measured latency.
 */
final class OpenLoopLoad {

    private final CallbackTarget target;
    private final ArrivalWatcher watcher;
    private final int maxInFlight;

    /** @param watcher null when nothing is expected downstream (the bare endpoint) */
    OpenLoopLoad(CallbackTarget target, ArrivalWatcher watcher, int maxInFlight) {
        this.target = target;
        this.watcher = watcher;
        this.maxInFlight = maxInFlight;
    }

    void run(PhaseRecorder phase, PreparedRequest[] callbacks, int ratePerSecond) throws InterruptedException {
        Semaphore slots = new Semaphore(maxInFlight);
        SendSchedule schedule = new SendSchedule(System.nanoTime() + 50_000_000L, ratePerSecond, callbacks.length);
        for (int i = 0; i < callbacks.length; i++) {
            long intended = schedule.intendedNanos(i);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquire();
            PreparedRequest callback = callbacks[i];
            phase.sending(intended);
            phase.sendLag(System.nanoTime() - intended);
            if (watcher != null) {
                watcher.expect(callback.key(), phase, intended);
            }
            target.sendAsync(callback).whenComplete((status, error) -> {
                long now = System.nanoTime();
                int code = status == null ? 0 : status;
                boolean accepted = phase.acked(intended, now, code, code == target.acceptedStatus,
                        error == null ? null : error.toString());
                if (!accepted || watcher == null) {
                    phase.abandoned();
                    if (watcher != null) {
                        watcher.forget(callback.key());
                    }
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(phase.name + ": requests still open 60 s after the last send");
        }
    }
}
