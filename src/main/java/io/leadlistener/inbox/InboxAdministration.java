package io.leadlistener.inbox;

import io.leadlistener.common.SqlTimestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** Reads and repairs the inbox for operators; the worker picks replayed rows up like new ones. */
@ApplicationScoped
public class InboxAdministration {

    enum ReplayOutcome { REPLAYED, NOT_PARKED, TEXT_PURGED }

    private final EntityManager entityManager;

    public InboxAdministration(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    ParkedInboxResource.Summary summary(String tenant) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select count(*) filter (where status = 'pending'),
                               count(*) filter (where status = 'done'),
                               count(*) filter (where status = 'parked'),
                               min(received_at) filter (where status = 'pending')
                        from inbox_message where tenant_id = :tenant""")
                .setParameter("tenant", tenant)
                .getSingleResult();
        return new ParkedInboxResource.Summary(tenant, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), SqlTimestamps.toInstant(row[3]));
    }

    List<ParkedInboxResource.ParkedRow> parked(String tenant, long afterId, int limit) {
        List<InboxMessage> rows = InboxMessage.find(
                        "tenantId = ?1 and status = 'parked' and id > ?2 order by id", tenant, afterId)
                .page(0, limit)
                .list();
        return rows.stream()
                .map(row -> new ParkedInboxResource.ParkedRow(row.id, row.dedupeKey, row.contactKey, row.msgType,
                        row.msgId, row.attempts, row.lastError, row.receivedAt, row.parkedAt,
                        row.payload == null))
                .toList();
    }

    /** Must run in a transaction. */
    ReplayOutcome replay(String tenant, long id) {
        InboxMessage row = InboxMessage.findById(id);
        if (row == null || !row.tenantId.equals(tenant) || !"parked".equals(row.status)) {
            return ReplayOutcome.NOT_PARKED;
        }
        if (row.payload == null) {
            return ReplayOutcome.TEXT_PURGED;
        }
        makePending(row);
        return ReplayOutcome.REPLAYED;
    }

    /** Must run in a transaction. Rows whose text was purged stay parked: there is nothing left to process. */
    int replayAll(String tenant) {
        List<InboxMessage> rows = InboxMessage.list(
                "tenantId = ?1 and status = 'parked' and payload is not null order by id", tenant);
        rows.forEach(InboxAdministration::makePending);
        return rows.size();
    }

    private static void makePending(InboxMessage row) {
        // The last error stays visible until the row succeeds; attempts start over.
        row.status = "pending";
        row.attempts = 0;
        row.parkedAt = null;
        row.nextAttemptAt = Instant.now();
    }
}
