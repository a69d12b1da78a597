package io.leadlistener.inbox;

import io.leadlistener.common.DeferredWrites;
import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the worker. A row is workable only while it is the oldest pending row of its contact ("head"); this is
 * what keeps per-contact order across threads and replicas: a later row of the same contact stays invisible until
 * its predecessor is done or parked, and a locked head is skipped, never overtaken.
 *
 * <p>Planned robustly, whatever the statistics say (issue 24: they said "few rows pending" under a burst, and claims
 * ran for seconds to minutes):
 * <ul>
 *   <li>the head test's {@code offset 0} keeps it a look-up per candidate row; without it PostgreSQL may turn it into
 *       an anti-join over every pending row (a claim then ran past the 60 s transaction timeout). The same holds for
 *       the relay's and the action worker's claims;</li>
 *   <li>the head test names the statuses it excludes, so only {@code inbox_message_open_by_contact} (V24) can serve
 *       it — not {@code inbox_message_pending_id}, a walk of every pending row with a smaller id;</li>
 *   <li>bitmap scans are off for the claim's transaction: a bitmap scan must read and sort every pending row before
 *       the limit applies, where the ordered walk of {@code inbox_message_pending_id} stops after {@code limit}
 *       heads.</li>
 * </ul>
 */
@ApplicationScoped
public class InboxClaims {

    private static final String IS_DUE_HEAD = """
            m.status = 'pending' and m.next_attempt_at <= now()
            and not exists (select 1 from inbox_message p
                            where p.tenant_id = m.tenant_id and p.contact_key = m.contact_key
                              and p.status <> 'done' and p.status <> 'parked' and p.id < m.id
                            offset 0)
            """;

    static final String ITEM_COLUMNS = """
            m.id, m.tenant_id, m.callback_name, m.source, m.contact_key, m.msg_type, m.msg_id, m.payload, m.attempts,
            m.received_at, m.dedupe_key, m.trace_parent""";

    /*
     * The limit is written into the text, not bound: with a bound limit PostgreSQL judged a custom plan cheaper than the
     * generic one and planned the claim afresh on every execution (0.22 ms each, two claims per message at 100/s:
     * issue 24). Without parameters the statement keeps one plan per connection.
     */
    private static final String CLAIM_DUE_HEADS = "select " + ITEM_COLUMNS + ", m.event from inbox_message m where "
            + IS_DUE_HEAD + " order by m.id limit %d for update of m skip locked";

    /* The rows a transaction completed, in one statement (see DeferredWrites). */
    private static final String MARK_DONE = """
            update inbox_message m set status = 'done', processed_at = clock_timestamp(), outcome = d.outcome,
                attempts = m.attempts + 1, last_error = null,
                intents = cast(d.intents as text[]), rule_set_version = d.rule_set_version, tagging = d.tagging
            from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as bigint[]),
                        cast(? as text[])) as d(id, outcome, intents, rule_set_version, tagging)
            where m.id = d.id""";

    private static final String LOCK_IF_DUE_HEAD = "select " + ITEM_COLUMNS
            + " from inbox_message m where m.id = ? and " + IS_DUE_HEAD + " for update of m skip locked";
    private static final String RECORD_FAILURE = """
            update inbox_message set attempts = ?, last_error = ?, status = ?,
                next_attempt_at = now() + make_interval(secs => ?),
                parked_at = case when ? = 'parked' then clock_timestamp() end
            where id = ?""";

    private final TransactionJdbc jdbc;
    private final DeferredWrites deferred;

    public InboxClaims(TransactionJdbc jdbc, DeferredWrites deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
    }

    /**
     * Locks up to {@code limit} due heads for the current transaction, oldest first, skipping rows another worker
     * holds. Reads them through the pending-only index, so the cost does not grow with the rows already done.
     */
    public List<Claimed> claimDueHeads(int limit) {
        return jdbc.call(connection -> {
            TransactionJdbc.setLocal(connection, "enable_bitmapscan", "off");
            try (PreparedStatement statement = connection.prepareStatement(CLAIM_DUE_HEADS.formatted(limit))) {
                return TransactionJdbc.readAll(statement, row -> new Claimed(readItem(row), row.getString(13)));
            }
        });
    }

    /** Reads an {@link InboxItem} from the first twelve columns, in the order of {@code ITEM_COLUMNS}. */
    static InboxItem readItem(ResultSet rows) throws java.sql.SQLException {
        return new InboxItem(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9),
                rows.getTimestamp(10).toInstant(), rows.getString(11), rows.getString(12));
    }

    /**
     * A claimed row.
     *
     * @param event the row's event, if any: its source says whether processing it calls out
     *              ({@link MessageSource#callsOut})
     */
    public record Claimed(InboxItem item, String event) {
    }

    /**
     * Locks the row for the current transaction if it is still a due head and nobody else holds it. Must run inside
     * the transaction that will complete the row.
     */
    public Optional<InboxItem> lockIfDueHead(long id) {
        return jdbc.query(LOCK_IF_DUE_HEAD, statement -> statement.setLong(1, id), InboxClaims::readItem).stream()
                .findFirst();
    }

    /** Marks the row done, with its outcome and tagging, when the current transaction commits. */
    public void markDone(long id, String outcomeJson, Optional<ProcessingOutcome.Tagging> tagging) {
        deferred.batch(this, Completed::new).rows.add(new Completion(id, outcomeJson,
                tagging.map(t -> toArrayLiteral(t.intents())).orElse(null),
                tagging.map(ProcessingOutcome.Tagging::ruleSetVersion).orElse(null),
                tagging.map(ProcessingOutcome.Tagging::explanationJson).orElse(null)));
    }

    private record Completion(long id, String outcomeJson, String intentsLiteral, Long ruleSetVersion,
                              String taggingJson) {
    }

    /** The rows one transaction completed. */
    private final class Completed implements DeferredWrites.Batch {
        final List<Completion> rows = new ArrayList<>();

        @Override
        public void flush() {
            int count = rows.size();
            Long[] ids = new Long[count];
            String[] outcomes = new String[count];
            String[] intents = new String[count];
            Long[] versions = new Long[count];
            String[] taggings = new String[count];
            for (int i = 0; i < count; i++) {
                Completion row = rows.get(i);
                ids[i] = row.id();
                outcomes[i] = row.outcomeJson();
                intents[i] = row.intentsLiteral();
                versions[i] = row.ruleSetVersion();
                taggings[i] = row.taggingJson();
            }
            jdbc.call(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(MARK_DONE)) {
                    statement.setArray(1, connection.createArrayOf("bigint", ids));
                    statement.setArray(2, connection.createArrayOf("text", outcomes));
                    statement.setArray(3, connection.createArrayOf("text", intents));
                    statement.setArray(4, connection.createArrayOf("bigint", versions));
                    statement.setArray(5, connection.createArrayOf("text", taggings));
                    return statement.executeUpdate();
                }
            });
        }
    }

    /** Intent names are [a-z0-9_-], so a plain PostgreSQL array literal needs no quoting. */
    static String toArrayLiteral(java.util.List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /**
     * Counts a failed attempt; parks the row when it has used up its attempts, otherwise schedules the retry.
     *
     * @return the row's state after recording, or empty if the row no longer exists or is no longer pending
     */
    public Optional<String> recordFailure(long id, String error, int maxAttempts, RetryBackoff backoff) {
        List<Integer> attempts = jdbc.query(
                "select attempts from inbox_message where id = ? and status = 'pending' for update",
                statement -> statement.setLong(1, id), row -> row.getInt(1));
        if (attempts.isEmpty()) {
            return Optional.empty();
        }
        int failed = attempts.get(0) + 1;
        boolean park = failed >= maxAttempts;
        Duration wait = park ? Duration.ZERO : backoff.afterAttempt(failed);
        String status = park ? "parked" : "pending";
        jdbc.update(RECORD_FAILURE, statement -> {
            statement.setInt(1, failed);
            statement.setString(2, error);
            statement.setString(3, status);
            statement.setDouble(4, wait.toMillis() / 1000.0);
            statement.setString(5, status);
            statement.setLong(6, id);
        });
        return Optional.of(status);
    }
}
