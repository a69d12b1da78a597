package io.leadlistener.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** How far behind the inbox worker is, across tenants: for the wellness check and the metrics. */
@ApplicationScoped
public class InboxBacklog {

    private final EntityManager entityManager;

    public InboxBacklog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Pending rows, how long the oldest has waited (seconds), parked rows. */
    public record Figures(long pending, long oldestPendingAgeSeconds, long parked) {
    }

    /** Reads the figures; needs a transaction. Each count runs on a partial index (pending, parked). */
    public Figures read() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select (select count(*) from inbox_message where status = 'pending'),
                               (select extract(epoch from now() - min(received_at))
                                from inbox_message where status = 'pending'),
                               (select count(*) from inbox_message where status = 'parked')""")
                .getSingleResult();
        return new Figures(((Number) row[0]).longValue(),
                row[1] == null ? 0 : Math.round(((Number) row[1]).doubleValue()), ((Number) row[2]).longValue());
    }
}
