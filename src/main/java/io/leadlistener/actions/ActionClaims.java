package io.leadlistener.actions;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import io.leadlistener.stats.HourlyCounters;
import io.leadlistener.stats.StatsCounter;
import io.leadlistener.stats.StatsMeasure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The worker's side of {@code wecom_action}: claim due heads, record what became of them (plain JDBC). */
@ApplicationScoped
public class ActionClaims {

    /**
     * The oldest pending action of each lead and type, if due; locked for this transaction, skipping rows others hold.
     * Per type, so an alert waiting for its customer's next window holds back only later alerts.
     */
    private static final String CLAIM_DUE_HEADS = """
            select a.id, a.tenant_id, a.lead_id, a.type, a.payload, a.attempts, a.recipients from wecom_action a
            where a.done_at is null and a.parked_at is null and a.next_attempt_at <= now()
              and not exists (select 1 from wecom_action p where p.lead_id = a.lead_id and p.type = a.type
                              and p.done_at is null and p.parked_at is null and p.seq < a.seq
                              offset 0)
            order by a.seq limit ? for update of a skip locked""";

    private final TransactionJdbc jdbc;
    private final HourlyCounters counters;

    public ActionClaims(TransactionJdbc jdbc, HourlyCounters counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    List<PendingAction> claimDueHeads(int limit) {
        return jdbc.query(CLAIM_DUE_HEADS, statement -> statement.setInt(1, limit),
                row -> new PendingAction(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getInt(6), List.of((String[]) row.getArray(7).getArray())));
    }

    /** @param outcome what WeCom answered that is worth keeping (per-recipient failures), or null */
    void markDone(String id, String outcome) {
        jdbc.update("update wecom_action set done_at = clock_timestamp(), attempts = attempts + 1, outcome = ?,"
                + " last_error = null, errcode = null where id = ?", statement -> {
                    statement.setString(1, outcome);
                    statement.setString(2, id);
                });
    }

    /** Marks an alert (to members or a group robot) done and counts it as sent in the leads stats, in one transaction. */
    void markAlertSent(PendingAction action, String outcome) {
        markDone(action.id(), outcome);
        counters.add(action.tenantId(), Instant.now(), List.of(StatsCounter.one(StatsMeasure.ALERTS_SENT)));
    }

    /** Puts the action off without counting an attempt (a member had their share of messages this minute). */
    void defer(String id, java.time.Instant until, String reason) {
        jdbc.update("update wecom_action set next_attempt_at = ?, last_error = ? where id = ?", statement -> {
            TransactionJdbc.setInstant(statement, 1, until);
            statement.setString(2, reason);
            statement.setString(3, id);
        });
    }

    /** Counts a failed attempt; parks the action when {@code park}, else schedules the retry. */
    void recordFailure(String id, String error, Integer errcode, boolean park, Duration retryAfter) {
        jdbc.update("""
                        update wecom_action set attempts = attempts + 1, last_error = ?, errcode = ?,
                            parked_at = case when ? then clock_timestamp() end,
                            next_attempt_at = now() + make_interval(secs => ?)
                        where id = ?""", statement -> {
            statement.setString(1, error);
            if (errcode == null) {
                statement.setNull(2, java.sql.Types.INTEGER);
            } else {
                statement.setInt(2, errcode);
            }
            statement.setBoolean(3, park);
            statement.setDouble(4, retryAfter.toMillis() / 1000.0);
            statement.setString(5, id);
        });
    }

    /** Pending actions, age of the oldest one in seconds, parked actions. */
    record ActionBacklog(long pending, double oldestPendingAgeSeconds, long parked) {
    }

    ActionBacklog backlog() {
        return jdbc.query("""
                        select count(*) filter (where done_at is null and parked_at is null),
                               coalesce(extract(epoch from now() - min(created_at) filter (where done_at is null
                                                                                        and parked_at is null)), 0),
                               count(*) filter (where parked_at is not null and done_at is null)
                        from wecom_action""", statement -> { },
                row -> new ActionBacklog(row.getLong(1), row.getDouble(2), row.getLong(3))).get(0);
    }
}
