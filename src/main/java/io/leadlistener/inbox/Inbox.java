package io.leadlistener.inbox;

import io.leadlistener.common.GroupCommit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/**
 * The front half of the inbox: durable, deduplicated storage of what a source hands us. A caller may acknowledge
 * its sender as soon as {@link #store} returns.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final InboxWakeup wakeup;
    private final GroupCommit<NewInboxMessage, InboxAdmission> groupCommit;

    public Inbox(EntityManager entityManager, InboxWakeup wakeup, InboxConfig config, InboxMetrics metrics) {
        this.entityManager = entityManager;
        this.wakeup = wakeup;
        this.groupCommit = new GroupCommit<>(this::insertAll, this::insertAlone, config.store().maxBatch(),
                metrics::storedTogether);
    }

    /**
     * Stores the message unless one with the same dedupe key is already there, and returns once it is durable. The
     * unique constraint, not a prior lookup, decides: concurrent retries on several replicas still store exactly one
     * row. Messages stored concurrently share a transaction ({@link GroupCommit}): under load one commit makes many
     * callbacks durable, instead of one fsync'd commit each.
     */
    public InboxAdmission store(NewInboxMessage message) {
        InboxAdmission admission = groupCommit.write(message);
        if (admission == InboxAdmission.ACCEPTED) {
            wakeup.signal();
        }
        return admission;
    }

    private List<InboxAdmission> insertAll(List<NewInboxMessage> messages) {
        return QuarkusTransaction.requiringNew().call(() -> messages.stream().map(this::insert).toList());
    }

    private InboxAdmission insertAlone(NewInboxMessage message) {
        return QuarkusTransaction.requiringNew().call(() -> insert(message));
    }

    /**
     * Stores several messages in one transaction: all of them are durable when this returns, or none is (a batch
     * is acknowledged as a whole). Each is deduplicated like {@link #store}, also against the others.
     */
    public List<InboxAdmission> storeAll(List<NewInboxMessage> messages) {
        List<InboxAdmission> admissions = insertAll(messages);
        if (admissions.contains(InboxAdmission.ACCEPTED)) {
            wakeup.signal();
        }
        return admissions;
    }

    /**
     * Stores the message in the caller's transaction, so it commits together with the caller's other writes (a
     * 微信客服 page and its cursor). The caller signals the worker with {@link #signalNewWork()} after its commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public InboxAdmission storeInCurrentTransaction(NewInboxMessage message) {
        return insert(message);
    }

    /** Wakes the worker: new rows were committed outside {@link #store}. */
    public void signalNewWork() {
        wakeup.signal();
    }

    private InboxAdmission insert(NewInboxMessage message) {
        int inserted = entityManager.createNativeQuery("""
                        insert into inbox_message (tenant_id, callback_name, source, dedupe_key, contact_key, msg_type,
                            event, change_type, from_user, msg_id, created_at_source, content_length, payload)
                        values (:tenant, :callback, :source, :dedupeKey, :contactKey, :msgType,
                            :event, :changeType, :fromUser, :msgId, :createdAt, :contentLength, :payload)
                        on conflict (tenant_id, dedupe_key) do nothing
                        """)
                .setParameter("tenant", message.tenantId())
                .setParameter("callback", message.callbackName())
                .setParameter("source", message.source())
                .setParameter("dedupeKey", message.dedupeKey())
                .setParameter("contactKey", message.contactKey())
                .setParameter("msgType", message.msgType())
                .setParameter("event", message.event())
                .setParameter("changeType", message.changeType())
                .setParameter("fromUser", message.fromUser())
                .setParameter("msgId", message.msgId())
                .setParameter("createdAt", message.createdAtSource() == null ? null
                        : Timestamp.from(message.createdAtSource()))
                .setParameter("contentLength", message.contentLength())
                .setParameter("payload", message.payload())
                .executeUpdate();
        return inserted == 1 ? InboxAdmission.ACCEPTED : InboxAdmission.DUPLICATE;
    }
}
