package io.leadlistener.inbox;

import io.leadlistener.common.TransactionJdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Customer chat text is personal data: once a row is processed (or parked) and older than the retention period its
 * payload is cleared, keeping ids, keys, outcome and timings for audit and metrics. Pending rows keep their text
 * until they are worked, because purging them would lose a message.
 */
@ApplicationScoped
public class InboxTextPurge {

    private static final Logger LOG = Logger.getLogger(InboxTextPurge.class);

    private final TransactionJdbc jdbc;
    private final InboxConfig.Retention config;

    public InboxTextPurge(TransactionJdbc jdbc, InboxConfig config) {
        this.jdbc = jdbc;
        this.config = config.retention();
    }

    @Scheduled(every = "${leadlistener.inbox.retention.purge-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeExpiredText();
    }

    /** @return how many rows lost their text */
    public int purgeExpiredText() {
        int total = 0;
        int cleared;
        do {
            cleared = QuarkusTransaction.requiringNew().call(this::purgeBatch);
            total += cleared;
        } while (cleared == config.purgeBatchSize());
        if (total > 0) {
            LOG.infof("Retention purge cleared the text of %d inbox row(s) older than %s", total,
                    config.textRetention());
        }
        return total;
    }

    private int purgeBatch() {
        return jdbc.update("""
                        update inbox_message set payload = null, text_purged_at = now()
                        where id in (select id from inbox_message
                                     where payload is not null and status in ('done', 'parked')
                                       and received_at < now() - make_interval(secs => ?)
                                     order by received_at
                                     limit ?
                                     for update skip locked)""",
                statement -> {
                    statement.setDouble(1, config.textRetention().toSeconds());
                    statement.setInt(2, config.purgeBatchSize());
                });
    }
}
