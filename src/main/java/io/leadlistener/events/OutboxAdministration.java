package io.leadlistener.events;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads and replays the events the relay parked, per tenant; plain JDBC like every write to {@code outbox_event}. */
@ApplicationScoped
public class OutboxAdministration {

    private final TransactionJdbc jdbc;

    public OutboxAdministration(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A parked event, with what the broker said. */
    public record ParkedEvent(String id, String leadId, String type, Instant timestamp, int attempts,
                              String lastError, Instant parkedAt) {
    }

    /** Must run in a transaction. The oldest first, at most {@code limit}. */
    List<ParkedEvent> parked(String tenant, int limit) {
        return jdbc.query("""
                        select e.id, e.aggregateid, e.type, e."timestamp", e.attempts, e.last_error, e.parked_at
                        from outbox_event e join lead l on l.lead_id = e.aggregateid
                        where l.tenant_id = ? and e.parked_at is not null and e.published_at is null
                        order by e.seq limit ?""",
                statement -> {
                    statement.setString(1, tenant);
                    statement.setInt(2, limit);
                },
                row -> new ParkedEvent(row.getString(1), row.getString(2), row.getString(3),
                        instant(row.getTimestamp(4)), row.getInt(5), row.getString(6), instant(row.getTimestamp(7))));
    }

    /**
     * Must run in a transaction. Makes parked events of the tenant due again, attempts starting over.
     *
     * @param eventId one event, or null for all of the tenant's parked events
     * @return how many were parked and are now due
     */
    int replay(String tenant, String eventId) {
        return jdbc.update("""
                        update outbox_event e set parked_at = null, attempts = 0, next_attempt_at = now()
                        from lead l
                        where l.lead_id = e.aggregateid and l.tenant_id = ? and e.parked_at is not null
                          and e.published_at is null and (cast(? as text) is null or e.id = ?)""",
                statement -> {
                    statement.setString(1, tenant);
                    statement.setString(2, eventId);
                    statement.setString(3, eventId);
                });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
