package io.leadlistener.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Leader/follower group commit: concurrent callers that each need one durable write share a transaction. A caller
 * queues its item; if no commit is running it becomes the leader and writes everything queued so far in one
 * transaction (one commit, one WAL flush), else it sleeps. The leader wakes each caller whose item it wrote, and
 * then the owner of the oldest item still queued, who leads the next batch. Nobody waits for a timer: under light
 * load each caller commits its own item at once; under heavy load batches form by themselves while the previous
 * commit is in progress. (Followers never queue on the lock just to learn that they are done: under CPU pressure
 * such a convoy of hand-offs, one context switch each, cost more than the commits.)
 *
 * <p>If a batch fails, each of its items is written again alone, so one bad item only fails its own caller.
 *
 * @param <T> what is written
 * @param <R> what each caller learns about its item
 */
public final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> writeBatch;
    private final Function<T, R> writeAlone;
    private final int maxBatch;
    private final Consumer<Integer> batchObserver;
    private static final long FOLLOWER_SAFETY_NET_NANOS = 200_000_000;

    private final ConcurrentLinkedQueue<Entry<T, R>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commitLock = new ReentrantLock();

    /**
     * @param writeBatch    writes the items in one transaction; its results in the items' order
     * @param writeAlone    writes one item in a transaction of its own (after a batch failed)
     * @param maxBatch      the most items in one transaction
     * @param batchObserver told the size of every batch written (metrics)
     */
    public GroupCommit(Function<List<T>, List<R>> writeBatch, Function<T, R> writeAlone, int maxBatch,
                       Consumer<Integer> batchObserver) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.writeBatch = writeBatch;
        this.writeAlone = writeAlone;
        this.maxBatch = maxBatch;
        this.batchObserver = batchObserver;
    }

    /**
     * Writes the item, together with whatever other callers queued meanwhile, and returns when it is durable.
     *
     * @throws RuntimeException the failure of writing this item (alone)
     */
    public R write(T item) {
        Entry<T, R> mine = new Entry<>(item, Thread.currentThread());
        queued.add(mine);
        while (!mine.done) {
            if (commitLock.tryLock()) {
                try {
                    if (!mine.done) {
                        commitQueued();
                    }
                } finally {
                    commitLock.unlock();
                }
                handOverLeadership();
            } else {
                // The leader wakes us when our item is written, or when we may lead the next batch (an unpark that
                // comes first is not lost: park then returns at once). The timeout is only a safety net; a short
                // one made dozens of waiting followers spin and starve the very commit they wait for.
                LockSupport.parkNanos(this, FOLLOWER_SAFETY_NET_NANOS);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Items queued while a commit was running get a leader at once: the owner of the oldest one. */
    private void handOverLeadership() {
        Entry<T, R> oldest = queued.peek();
        if (oldest != null) {
            LockSupport.unpark(oldest.owner);
        }
    }

    /** Items waiting for a commit (for tests and diagnostics). */
    public int queuedCount() {
        return queued.size();
    }

    /** Under the commit lock: one batch of what is queued, oldest first (always including the oldest waiter). */
    private void commitQueued() {
        List<Entry<T, R>> batch = new ArrayList<>();
        Entry<T, R> next;
        while (batch.size() < maxBatch && (next = queued.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        batchObserver.accept(batch.size());
        List<R> results;
        try {
            results = writeBatch.apply(batch.stream().map(entry -> entry.item).toList());
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).fail(batchFailure);
            } else {
                batch.forEach(this::writeAlone);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
    }

    private void writeAlone(Entry<T, R> entry) {
        try {
            entry.succeed(writeAlone.apply(entry.item));
        } catch (RuntimeException failure) {
            entry.fail(failure);
        }
    }

    /** {@code result} and {@code failure} are written before the volatile {@code done}, so the owner sees them. */
    private static final class Entry<T, R> {
        private final T item;
        private final Thread owner;
        private volatile boolean done;
        private R result;
        private RuntimeException failure;

        Entry(T item, Thread owner) {
            this.item = item;
            this.owner = owner;
        }

        void succeed(R value) {
            result = value;
            done = true;
            LockSupport.unpark(owner);
        }

        void fail(RuntimeException error) {
            failure = error;
            done = true;
            LockSupport.unpark(owner);
        }
    }
}
