package io.leadlistener.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Daemon threads that repeat a unit of work until stopped; stopping lets the unit in hand finish (its transaction
 * commits or rolls back as a whole). Used by the inbox worker and the outbox relay.
 */
public final class BackgroundWorkers {

    private final String name;
    private final WorkSignal wakeup;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public BackgroundWorkers(String name, WorkSignal wakeup) {
        this.name = name;
        this.wakeup = wakeup;
    }

    public synchronized void start(int count, Runnable loop) {
        running.set(true);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(loop, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Whether the loops should go on; false once {@link #stop} was called. */
    public boolean isRunning() {
        return running.get();
    }

    /** Whether this is a loop thread being stopped (so it should not pick up new work). */
    public boolean isStopping() {
        return !running.get() && !threads.isEmpty();
    }

    public synchronized void stop(Duration waitPerThread) {
        running.set(false);
        wakeup.signal();
        for (Thread thread : threads) {
            try {
                thread.join(waitPerThread.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether a round found so little work that waiting for more is worth it: under a quarter of a batch. A round
     * with more than that means work is queueing, and a pause would only let the backlog grow.
     */
    static boolean roundWasSmall(int worked, int batchSize) {
        return worked < Math.max(1, batchSize / 4);
    }

    /**
     * Between two rounds of a loop: a round that found nothing waits for a wake-up (at most {@code pollInterval});
     * a round that found little ({@link #roundWasSmall}) then lingers so that work arriving meanwhile shares the next
     * round's claim and commit. Lingering takes milliseconds, so stopping simply waits for it to pass.
     */
    public void pauseAfterRound(int worked, int batchSize, Duration pollInterval, Duration linger) {
        if (worked == 0) {
            wakeup.await(pollInterval);
        }
        if (roundWasSmall(worked, batchSize) && !linger.isZero() && !linger.isNegative()) {
            LockSupport.parkNanos(linger.toNanos());
        }
    }

    /** An error as stored with a failed row: class and message, bounded. */
    public static String describe(Throwable failure) {
        String text = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
