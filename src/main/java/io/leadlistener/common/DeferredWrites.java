package io.leadlistener.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;

/**
 * Writes gathered over a transaction and made in one statement each just before it commits. The inbox worker completes
 * up to a batch of messages per transaction; written as each message is handled, every event, counter and "done" mark
 * was a statement (and a round trip) of its own — most of PostgreSQL's work per message (docs/benchmarks.md, issue
 * 24). Gathered, a batch costs one statement per kind of write.
 *
 * <p>A batch is flushed in the transaction's {@code beforeCompletion}, so its rows commit with everything else the
 * transaction did, or not at all: a failing flush rolls the transaction back like a failing statement would. Nothing
 * in the transaction may read a deferred write back before the commit; the writers that defer (outbox events, hourly
 * counters, inbox rows marked done) are only ever read by other transactions.
 */
@ApplicationScoped
public class DeferredWrites {

    /** One kind of gathered write; {@link #flush()} runs once, before the commit, if anything was added. */
    public interface Batch {
        void flush();

        /** After the transaction committed (with the rows {@link #flush()} wrote): tell whoever waits for them. */
        default void afterCommit() {
        }
    }

    private final TransactionSynchronizationRegistry transactions;
    private final TransactionJdbc jdbc;

    public DeferredWrites(TransactionSynchronizationRegistry transactions, TransactionJdbc jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * The current transaction's batch of this kind, created (and scheduled to flush before the commit) on first use.
     *
     * @param kind identifies the batch within the transaction: one per writer
     * @throws IllegalStateException outside a transaction
     */
    @SuppressWarnings("unchecked")
    public <B extends Batch> B batch(Object kind, Supplier<B> create) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("deferred writes need an active transaction");
        }
        Object existing = transactions.getResource(kind);
        if (existing != null) {
            return (B) existing;
        }
        B batch = create.get();
        // The flush writes on the transaction's connection, which the pool enlists on first use by registering a
        // synchronization: too late once the commit has begun. Enlist it now.
        jdbc.call(connection -> null);
        transactions.putResource(kind, batch);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                batch.flush();
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    batch.afterCommit();
                }
            }
        });
        return batch;
    }
}
