package io.leadlistener.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The write side of the transactional outbox: events are rows written in the caller's transaction, together with
 * the state change they describe. The relay publishes them after commit.
 */
@ApplicationScoped
public class Outbox {

    static final String AGGREGATE_TYPE = "lead";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxWakeup wakeup;

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxWakeup wakeup) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.wakeup = wakeup;
    }

    /**
     * Appends an event unless one with the same (deterministic) id exists: a replayed message or a re-run never
     * yields a second logical event. Must run inside a transaction.
     *
     * @return whether the event is new
     */
    public boolean append(String eventId, String leadId, String type, Instant timestamp, String cloudEventJson) {
        int inserted = entityManager.createNativeQuery("""
                        insert into outbox_event (id, aggregatetype, aggregateid, type, "timestamp", payload)
                        values (:id, :aggregateType, :leadId, :type, :timestamp, :payload)
                        on conflict (id) do nothing""")
                .setParameter("id", eventId)
                .setParameter("aggregateType", AGGREGATE_TYPE)
                .setParameter("leadId", leadId)
                .setParameter("type", type)
                .setParameter("timestamp", Timestamp.from(timestamp))
                .setParameter("payload", cloudEventJson)
                .executeUpdate();
        if (inserted == 1) {
            wakeRelayAfterCommit();
        }
        return inserted == 1;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeup.signal();
                }
            }
        });
    }
}
