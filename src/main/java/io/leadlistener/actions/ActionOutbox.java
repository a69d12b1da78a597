package io.leadlistener.actions;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

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
     * Appends the action unless one with the same id exists (a redelivered message). Must run in a transaction.
     *
     * @return whether it was new
     */
    public boolean append(String id, String tenantId, String leadId, String type, String payload) {
        int inserted = jdbc.update("""
                        insert into wecom_action (id, tenant_id, lead_id, type, payload) values (?, ?, ?, ?, ?)
                        on conflict (id) do nothing""", statement -> {
            statement.setString(1, id);
            statement.setString(2, tenantId);
            statement.setString(3, leadId);
            statement.setString(4, type);
            statement.setString(5, payload);
        });
        if (inserted == 1) {
            wakeup.signalAfterCommit(transactions);
        }
        return inserted == 1;
    }
}
