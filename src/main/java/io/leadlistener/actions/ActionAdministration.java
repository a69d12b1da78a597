package io.leadlistener.actions;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reads and replays the actions the worker parked, per tenant; plain JDBC like every write to {@code wecom_action}. */
@ApplicationScoped
public class ActionAdministration {

    private final TransactionJdbc jdbc;

    public ActionAdministration(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A parked action, with what WeCom answered. No payload: it may hold the customer's line.
     *
     * @param errcode  WeCom's errcode, null when the failure was not an errcode (e.g. no app-secret any more)
     * @param lastError what it means and what to do, e.g. "errcode 60011: … add them to the app's visible range"
     */
    public record ParkedAction(String id, String leadId, String type, Instant createdAt, int attempts,
                               Integer errcode, String lastError, Instant parkedAt) {
    }

    /** Must run in a transaction. The oldest first, at most {@code limit}. */
    List<ParkedAction> parked(String tenant, int limit) {
        return jdbc.query("""
                        select id, lead_id, type, created_at, attempts, errcode, last_error, parked_at
                        from wecom_action where tenant_id = ? and parked_at is not null and done_at is null
                        order by seq limit ?""",
                statement -> {
                    statement.setString(1, tenant);
                    statement.setInt(2, limit);
                },
                row -> new ParkedAction(row.getString(1), row.getString(2), row.getString(3),
                        instant(row.getTimestamp(4)), row.getInt(5), (Integer) row.getObject(6), row.getString(7),
                        instant(row.getTimestamp(8))));
    }

    /**
     * Must run in a transaction. Makes parked actions of the tenant due again, attempts starting over (the last
     * error stays visible until one succeeds).
     *
     * @param actionId one action, or null for all of the tenant's parked actions
     * @return how many were parked and are now due
     */
    int replay(String tenant, String actionId) {
        return jdbc.update("""
                        update wecom_action set parked_at = null, attempts = 0, next_attempt_at = now()
                        where tenant_id = ? and parked_at is not null and done_at is null
                          and (cast(? as text) is null or id = ?)""",
                statement -> {
                    statement.setString(1, tenant);
                    statement.setString(2, actionId);
                    statement.setString(3, actionId);
                });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
