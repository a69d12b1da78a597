package io.leadlistener.inbox;

import io.leadlistener.common.SqlTimestamps;
import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Reads and repairs the inbox for operators; the worker picks replayed rows up like new ones. Writes are plain JDBC
 * like every write to {@code inbox_message}; the parked list reads the read-only {@link InboxMessage} view.
 */
@ApplicationScoped
public class InboxAdministration {

    enum ReplayOutcome { REPLAYED, NOT_PARKED, TEXT_PURGED }

    /** The last error stays visible until the row succeeds; attempts start over. */
    private static final String MAKE_PENDING =
            "update inbox_message set status = 'pending', attempts = 0, parked_at = null, next_attempt_at = now()";

    private final EntityManager entityManager;
    private final TransactionJdbc jdbc;

    public InboxAdministration(EntityManager entityManager, TransactionJdbc jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
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
        List<Boolean> textPurged = jdbc.query("""
                        select payload is null from inbox_message
                        where id = ? and tenant_id = ? and status = 'parked' for update""",
                statement -> {
                    statement.setLong(1, id);
                    statement.setString(2, tenant);
                }, row -> row.getBoolean(1));
        if (textPurged.isEmpty()) {
            return ReplayOutcome.NOT_PARKED;
        }
        if (textPurged.get(0)) {
            return ReplayOutcome.TEXT_PURGED;
        }
        jdbc.update(MAKE_PENDING + " where id = ?", statement -> statement.setLong(1, id));
        return ReplayOutcome.REPLAYED;
    }

    /** Must run in a transaction. Rows whose text was purged stay parked: there is nothing left to process. */
    int replayAll(String tenant) {
        return jdbc.update(MAKE_PENDING + " where tenant_id = ? and status = 'parked' and payload is not null",
                statement -> statement.setString(1, tenant));
    }
}
