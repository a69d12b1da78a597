package io.leadlistener.actions;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Array;
import java.util.List;
import java.util.Optional;

/**
 * The write side of the action outbox: an action is a row written in the caller's transaction, with the lead change
 * that calls for it, so nothing acknowledged is lost; the worker carries it out after commit.
 */
@ApplicationScoped
public class ActionOutbox {

    private final TransactionJdbc jdbc;
    private final TransactionSynchronizationRegistry transactions;
    private final ActionWakeup wakeup;

    public ActionOutbox(TransactionJdbc jdbc, TransactionSynchronizationRegistry transactions, ActionWakeup wakeup) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.wakeup = wakeup;
    }

    /**
     * An action to append.
     *
     * @param recipients the members it messages (counted by the per-member throttle)
     * @param facts      what an alert says, structured (JSON), for folding; null for other actions
     */
    record NewAction(String id, String tenantId, String leadId, String type, String payload, List<String> recipients,
                     String facts) {
    }

    /** A scheduled alert that no attempt has touched yet: later messages of its customer fold into it. */
    record ScheduledAlert(String id, String facts) {
    }

    /**
     * Appends the action, due at once, unless one with the same id exists (a redelivered message). Must run in a
     * transaction.
     *
     * @return whether it was new
     */
    public boolean append(String id, String tenantId, String leadId, String type, String payload) {
        return appendAfterWindow(new NewAction(id, tenantId, leadId, type, payload, List.of(), null), 0);
    }

    /**
     * Appends the action, due when the previous action of its lead and type was due plus {@code windowMinutes} —
     * at once if that is past: one per window per customer.
     *
     * @return whether it was new
     */
    boolean appendAfterWindow(NewAction action, int windowMinutes) {
        List<Boolean> inserted = jdbc.query("""
                insert into wecom_action (id, tenant_id, lead_id, type, payload, recipients, facts, not_before,
                                          next_attempt_at)
                select ?, ?, ?, ?, ?, ?, cast(? as jsonb), slot, slot from (
                    select greatest(now(), coalesce(max(not_before) + make_interval(mins => ?), now())) as slot
                    from wecom_action where lead_id = ? and type = ? and folded_into is null) window_end
                on conflict (id) do nothing
                returning true""", statement -> {
            statement.setString(1, action.id());
            statement.setString(2, action.tenantId());
            statement.setString(3, action.leadId());
            statement.setString(4, action.type());
            statement.setString(5, action.payload());
            statement.setArray(6, textArray(statement.getConnection(), action.recipients()));
            statement.setString(7, action.facts());
            statement.setInt(8, windowMinutes);
            statement.setString(9, action.leadId());
            statement.setString(10, action.type());
        }, row -> true);
        if (!inserted.isEmpty()) {
            wakeup.signalAfterCommit(transactions);
        }
        return !inserted.isEmpty();
    }

    /**
     * The lead's alert that is scheduled for later and not yet tried, locked for this transaction; empty when there is
     * none — or when the worker holds it right now (then the next window starts after it).
     */
    Optional<ScheduledAlert> scheduledAlert(String leadId, String type) {
        return jdbc.query("""
                select id, cast(facts as text) from wecom_action
                where lead_id = ? and type = ? and folded_into is null and done_at is null and parked_at is null
                  and attempts = 0 and next_attempt_at > now() and facts is not null
                order by seq desc limit 1 for update skip locked""", statement -> {
            statement.setString(1, leadId);
            statement.setString(2, type);
        }, row -> new ScheduledAlert(row.getString(1), row.getString(2))).stream().findFirst();
    }

    /** Rewrites a scheduled alert that a later message was folded into (never tried yet, so no resend differs). */
    void rewrite(String id, String payload, List<String> recipients, String facts) {
        jdbc.update("""
                update wecom_action set payload = ?, recipients = ?, facts = cast(? as jsonb)
                where id = ? and attempts = 0 and done_at is null""", statement -> {
            statement.setString(1, payload);
            statement.setArray(2, textArray(statement.getConnection(), recipients));
            statement.setString(3, facts);
            statement.setString(4, id);
        });
    }

    /**
     * Appends an action due at {@code at} (a quiet period's digest) unless it exists.
     *
     * @return whether it was new
     */
    boolean appendDueAt(NewAction action, java.time.Instant at) {
        int inserted = jdbc.update("""
                insert into wecom_action (id, tenant_id, lead_id, type, payload, recipients, facts, not_before,
                                          next_attempt_at)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (id) do nothing""", statement -> {
            statement.setString(1, action.id());
            statement.setString(2, action.tenantId());
            statement.setString(3, action.leadId());
            statement.setString(4, action.type());
            statement.setString(5, action.payload());
            statement.setArray(6, textArray(statement.getConnection(), action.recipients()));
            statement.setString(7, action.facts());
            TransactionJdbc.setInstant(statement, 8, at);
            TransactionJdbc.setInstant(statement, 9, at);
        });
        return inserted == 1;
    }

    /**
     * The facts of an action no attempt has touched yet, locked for this transaction (waiting while the worker holds
     * it); empty once it was tried, done or parked.
     */
    Optional<String> untriedFacts(String id) {
        return jdbc.query("""
                select cast(facts as text) from wecom_action
                where id = ? and attempts = 0 and done_at is null and parked_at is null for update""",
                statement -> statement.setString(1, id), row -> row.getString(1)).stream().findFirst();
    }

    /**
     * Records a message folded into alert {@code foldedInto}: a done row under the message's own action id, so a
     * redelivery still finds it and the alert's history shows every message it stands for.
     */
    boolean appendFolded(NewAction action, String foldedInto) {
        return jdbc.update("""
                insert into wecom_action (id, tenant_id, lead_id, type, payload, facts, folded_into, done_at, outcome)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, now(), ?)
                on conflict (id) do nothing""", statement -> {
            statement.setString(1, action.id());
            statement.setString(2, action.tenantId());
            statement.setString(3, action.leadId());
            statement.setString(4, action.type());
            statement.setString(5, action.payload());
            statement.setString(6, action.facts());
            statement.setString(7, foldedInto);
            statement.setString(8, "folded into " + foldedInto);
        }) == 1;
    }

    private static Array textArray(java.sql.Connection connection, List<String> values) throws java.sql.SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
