package io.leadlistener.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a producer of work wake its worker at once instead of after the next poll. Work made on other replicas is
 * still found by polling, so a lost signal costs latency, never work.
 */
public abstract class WorkSignal {

    private final Semaphore pending = new Semaphore(0);

    public void signal() {
        if (pending.availablePermits() < 64) {
            pending.release();
        }
    }

    /**
     * Signals once the current transaction commits (nothing on a rollback: there is no work then), registering once
     * per transaction however often it is called.
     */
    public void signalAfterCommit(TransactionSynchronizationRegistry transactions) {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal();
                }
            }
        });
    }

    /** Waits for a signal or the timeout; returns early on interrupt with the flag restored. */
    public void await(Duration timeout) {
        try {
            if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pending.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
