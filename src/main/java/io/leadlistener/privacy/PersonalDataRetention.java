package io.leadlistener.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.TransactionJdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The inbox's text retention ({@code leadlistener.inbox.retention.*}, {@code inbox/InboxTextPurge}) applied to every
 * other place customer text and profile fields are kept: outbox events (by their {@code timestamp}, whatever their
 * state — a pending event is still published, without text), WeCom actions (by {@code created_at}; one that has not
 * been sent yet is finished with outcome {@code purged} instead of sending what is left of it), lead profiles (by
 * {@code profile_updated_at}) and the tagging explanations of inbox rows whose text is gone. Batches of
 * {@code purge-batch-size}, each in its own transaction, skipping rows the workers hold. docs/privacy.md.
 */
@ApplicationScoped
public class PersonalDataRetention {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);
    static final String PURGED = "purged";

    private final TransactionJdbc jdbc;
    private final PersonalDataRedaction redaction;
    private final Duration retention;
    private final int batchSize;

    public PersonalDataRetention(TransactionJdbc jdbc, ObjectMapper mapper,
                                 @ConfigProperty(name = "leadlistener.inbox.retention.text-retention")
                                 Duration retention,
                                 @ConfigProperty(name = "leadlistener.inbox.retention.purge-batch-size")
                                 int batchSize) {
        this.jdbc = jdbc;
        this.redaction = new PersonalDataRedaction(mapper);
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${leadlistener.inbox.retention.purge-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeExpired();
    }

    /**
     * What one run scrubbed.
     *
     * @param events         outbox events
     * @param actions        WeCom actions
     * @param actionsStopped of those, the ones not sent yet, now finished as {@code purged}
     * @param profiles       lead profiles
     * @param taggings       inbox tagging explanations
     */
    public record Purged(int events, int actions, int actionsStopped, int profiles, int taggings) {
        public int total() {
            return events + actions + profiles + taggings;
        }
    }

    /** Scrubs every row older than the retention that still holds personal data. */
    public Purged purgeExpired() {
        int[] actions = {0, 0};
        int events = drain(this::eventBatch);
        drain(() -> {
            int[] batch = actionBatch();
            actions[0] += batch[0];
            actions[1] += batch[1];
            return batch[0];
        });
        int profiles = drain(this::profileBatch);
        int taggings = drain(this::taggingBatch);
        Purged purged = new Purged(events, actions[0], actions[1], profiles, taggings);
        if (purged.total() > 0) {
            LOG.infof("Retention purge removed personal data older than %s: %d outbox event(s), %d WeCom action(s) "
                            + "(%d not sent, finished as purged), %d lead profile(s), %d tagging explanation(s)",
                    retention, events, actions[0], actions[1], profiles, taggings);
        }
        return purged;
    }

    private int drain(Supplier<Integer> batch) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(batch::get);
            total += done;
        } while (done == batchSize);
        return total;
    }

    private record Held(String key, String json) {
    }

    private int eventBatch() {
        List<Held> rows = jdbc.query("""
                select id, payload from outbox_event
                where text_purged_at is null and "timestamp" < now() - make_interval(secs => ?)
                order by "timestamp" limit ? for update skip locked""", this::bindAgeAndLimit,
                row -> new Held(row.getString(1), row.getString(2)));
        return updateEach(rows, "update outbox_event set payload = ?, text_purged_at = now() where id = ?",
                (statement, held) -> {
                    statement.setString(1, redactedOrAsIs(held, redaction::event, "outbox event"));
                    statement.setString(2, held.key());
                });
    }

    private record HeldAction(String id, String payload, String facts, boolean pending) {
    }

    /** @return {scrubbed, of them finished as purged} */
    private int[] actionBatch() {
        List<HeldAction> rows = jdbc.query("""
                select id, payload, cast(facts as text), done_at is null from wecom_action
                where text_purged_at is null and created_at < now() - make_interval(secs => ?)
                order by created_at limit ? for update skip locked""", this::bindAgeAndLimit,
                row -> new HeldAction(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4)));
        int[] stopped = {0};
        updateEach(rows, ActionRedaction.UPDATE, (statement, action) -> {
            boolean stop;
            try {
                stop = ActionRedaction.bind(statement, redaction, action.id(), action.payload(), action.facts(),
                        action.pending(), false).stopped();
            } catch (IllegalArgumentException e) {
                LOG.warnf("Retention purge could not read WeCom action %s as JSON, left as it is: %s", action.id(),
                        e.getMessage());
                ActionRedaction.bindUnchanged(statement, action.id(), action.payload(), action.facts());
                stop = false;
            }
            if (stop) {
                stopped[0]++;
            }
        });
        return new int[] {rows.size(), stopped[0]};
    }

    private int profileBatch() {
        List<Held> rows = jdbc.query("""
                select lead_id, cast(profile as text) from lead
                where profile is not null and profile_updated_at < now() - make_interval(secs => ?)
                  and (profile_purged_at is null or profile_purged_at < profile_updated_at)
                order by profile_updated_at limit ? for update skip locked""", this::bindAgeAndLimit,
                row -> new Held(row.getString(1), row.getString(2)));
        return updateEach(rows, """
                update lead set profile = cast(? as jsonb), profile_purged_at = now() where lead_id = ?""",
                (statement, held) -> {
                    statement.setString(1, redactedOrAsIs(held, redaction::profile, "lead profile"));
                    statement.setString(2, held.key());
                });
    }

    private int taggingBatch() {
        List<Held> rows = jdbc.query("""
                select id, tagging from inbox_message
                where tagging is not null and tagging_purged_at is null and text_purged_at is not null
                order by id limit ? for update skip locked""", statement -> statement.setInt(1, batchSize),
                row -> new Held(Long.toString(row.getLong(1)), row.getString(2)));
        return updateEach(rows, "update inbox_message set tagging = ?, tagging_purged_at = now() where id = ?",
                (statement, held) -> {
                    statement.setString(1, redactedOrAsIs(held, redaction::tagging, "tagging of inbox row"));
                    statement.setLong(2, Long.parseLong(held.key()));
                });
    }

    private void bindAgeAndLimit(PreparedStatement statement) throws java.sql.SQLException {
        statement.setDouble(1, retention.toSeconds());
        statement.setInt(2, batchSize);
    }

    /**
     * A row that does not parse is marked as purged all the same, so that it cannot stop the purge forever; the WARN
     * names it (never its content) for someone to look at.
     */
    private static String redactedOrAsIs(Held held, java.util.function.UnaryOperator<String> redact, String what) {
        try {
            return redact.apply(held.json());
        } catch (IllegalArgumentException e) {
            LOG.warnf("Retention purge could not read %s %s as JSON, left as it is: %s", what, held.key(),
                    e.getMessage());
            return held.json();
        }
    }

    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws java.sql.SQLException;
    }

    private <T> int updateEach(List<T> rows, String sql, Binder<T> binder) {
        if (rows.isEmpty()) {
            return 0;
        }
        jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch().length;
            }
        });
        return rows.size();
    }
}
