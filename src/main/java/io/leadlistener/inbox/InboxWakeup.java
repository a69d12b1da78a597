package io.leadlistener.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a freshly stored row start processing at once instead of after the next poll. Rows stored by other replicas
 * are still found by polling, so a lost signal costs latency, never a row.
 */
@ApplicationScoped
public class InboxWakeup {

    private final Semaphore pending = new Semaphore(0);

    void signal() {
        if (pending.availablePermits() < 64) {
            pending.release();
        }
    }

    /** Waits for a signal or the timeout; returns early on interrupt with the flag restored. */
    void await(Duration timeout) {
        try {
            if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pending.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
