package io.leadlistener.actions;

import io.leadlistener.common.TransactionJdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps app messages to one member under the tenant's per-minute limit: WeCom silently drops more than about 30 per
 * member per minute per app, so an alert over the limit waits for the minute to pass instead of being lost. Counted
 * in PostgreSQL ({@code wecom_recipient_send}), so every replica sees every send; two replicas may both take the last
 * slot at the same instant, which is why the default limit (20) leaves room under WeCom's.
 */
@ApplicationScoped
public class MemberThrottle {

    private static final Logger LOG = Logger.getLogger(MemberThrottle.class);

    private final TransactionJdbc jdbc;

    public MemberThrottle(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A member who had their share this minute, and when a slot frees up. */
    record Busy(String userId, long sentLastMinute, Instant freeAt) {
    }

    /**
     * Takes a send slot for each member, in the caller's transaction, unless one of them is at the limit.
     *
     * @return the member at the limit (nothing taken), or empty when the message may go
     */
    Optional<Busy> reserve(String tenantId, List<String> users, int perMinute) {
        if (users.isEmpty()) {
            return Optional.empty();
        }
        // A slot frees when the limit-th newest send leaves the one-minute window.
        Optional<Busy> busy = jdbc.query("""
                select user_id, count(*), min(sent_at) filter (where rank <= ?) + interval '1 minute' from (
                    select user_id, sent_at, row_number() over (partition by user_id order by sent_at desc) as rank
                    from wecom_recipient_send
                    where tenant_id = ? and user_id = any(?) and sent_at > clock_timestamp() - interval '1 minute'
                ) recent group by user_id having count(*) >= ? order by 3 limit 1""", statement -> {
            statement.setInt(1, perMinute);
            statement.setString(2, tenantId);
            statement.setArray(3, statement.getConnection().createArrayOf("text", users.toArray()));
            statement.setInt(4, perMinute);
        }, row -> new Busy(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant())).stream().findFirst();
        if (busy.isEmpty()) {
            jdbc.update("insert into wecom_recipient_send (tenant_id, user_id) select ?, unnest(?)", statement -> {
                statement.setString(1, tenantId);
                statement.setArray(2, statement.getConnection().createArrayOf("text", users.toArray()));
            });
        }
        return busy;
    }

    /** Sends older than the window matter no more. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldSends() {
        try {
            QuarkusTransaction.requiringNew().run(() -> jdbc.update(
                    "delete from wecom_recipient_send where sent_at < clock_timestamp() - interval '5 minutes'",
                    statement -> { }));
        } catch (RuntimeException e) {
            LOG.debugf("Old member sends not deleted (next minute again): %s", e.toString());
        }
    }
}
