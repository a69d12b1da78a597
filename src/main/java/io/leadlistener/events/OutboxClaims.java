package io.leadlistener.events;

import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.stats.CaptureLatencyBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

/**
 * The relay's SQL. Only the oldest unpublished, unparked event of each lead is claimable, and claims are row locks
 * held while the event is in flight: a lead never has two events in flight, across threads and replicas, so Kafka
 * receives each lead's events in order.
 */
@ApplicationScoped
public class OutboxClaims {

    /*
     * Plain JDBC for the two statements of every relay round (see TransactionJdbc). The heads are found by walking
     * outbox_event_pending_seq in seq order (V12 explains why no other index may compete for it). The head test
     * excludes parked events with coalesce(...) = 'infinity' rather than "is null" on purpose: PostgreSQL proves no
     * index predicate from it, so only outbox_event_open_by_aggregate (V25), a look-up in the lead's own events, can
     * serve the test — never a walk of outbox_event_pending_seq over every older pending event.
     */
    private static final String IS_DUE_HEAD = """
            e.published_at is null and e.parked_at is null and e.next_attempt_at <= now()
              and not exists (select 1 from outbox_event p
                              where p.aggregateid = e.aggregateid and p.published_at is null
                                and coalesce(p.parked_at, 'infinity') = 'infinity' and p.seq < e.seq
                              offset 0)""";

    private static final String COLUMNS = """
            e.seq, e.id, e.aggregateid, e.type, e.payload, e.attempts, e."timestamp", e.trace_parent""";

    private static final String CLAIM_DUE_HEADS = "select " + COLUMNS + " from outbox_event e where " + IS_DUE_HEAD
            + " order by e.seq limit ? for update of e skip locked";

    /*
     * The same claim for events known by seq (OutboxHints): one look-up by seq per hint instead of a walk of the index.
     * The look-up is a lateral sub-select with its own row lock, which PostgreSQL cannot flatten into a join: whatever
     * the statistics or the plan mode, each hint costs one index probe, never a scan of every pending event.
     */
    static final String CLAIM_HINTED_HEADS = "select h.* from unnest(cast(? as bigint[])) as hinted(seq)"
            + " cross join lateral (select " + COLUMNS + " from outbox_event e where e.seq = hinted.seq and "
            + IS_DUE_HEAD + " for update of e skip locked) h order by h.seq";

    /*
     * Marks the round's acknowledged events published and, in the same statement, keeps what the leads timeline and
     * stats need once the row is gone (V22): the compact published-event record, and each first-capture tagging's
     * latency (callback → acknowledged) in its hour's histogram (one counter row per bucket, locked in key order).
     */
    private static final String MARK_PUBLISHED = """
            with published as (
                update outbox_event set published_at = clock_timestamp(), attempts = attempts + 1, last_error = null
                where id = any(?)
                returning id, aggregateid, type, "timestamp", published_at, first_capture),
            recorded as (
                insert into lead_event_published (event_id, lead_id, type, event_time, published_at)
                select id, aggregateid, type, "timestamp", published_at from published
                on conflict (event_id) do nothing)
            insert into lead_stats_hourly as s (tenant_id, hour, measure, dimension, key, shard, value)
            select l.tenant_id, date_trunc('hour', p."timestamp", 'UTC'), 'capture_latency', 'bucket',
                   %s::text, pg_backend_pid() %% 16, count(*)
            from published p join lead l on l.lead_id = p.aggregateid
            where p.first_capture
            group by 1, 2, 5
            order by 1, 2, 5
            on conflict (tenant_id, hour, measure, dimension, key, shard) do update set value = s.value + excluded.value"""
            .formatted(CaptureLatencyBuckets.SQL_BUCKET_OF_MILLIS.formatted(
                    "extract(epoch from p.published_at - p.\"timestamp\") * 1000"));

    private final TransactionJdbc jdbc;

    public OutboxClaims(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks up to {@code limit} due heads for the current transaction, oldest first. */
    List<PendingEvent> claimDueHeads(int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM_DUE_HEADS)) {
                statement.setInt(1, limit);
                return TransactionJdbc.readAll(statement, OutboxClaims::readEvent);
            }
        });
    }

    /**
     * Locks those of the given events that are due heads (the same rule as {@link #claimDueHeads}), oldest first;
     * the rest — published meanwhile, held by another relay, or behind an earlier event of their lead — are left.
     */
    List<PendingEvent> claimHintedHeads(List<Long> seqs) {
        return jdbc.call(connection -> {
            // The claim's one parameter is the array of seqs; PostgreSQL judged each array worth a custom plan and
            // planned this claim on most executions (0.24 ms each, issue 24). The generic plan is the same probe per
            // hint.
            TransactionJdbc.setLocal(connection, "plan_cache_mode", "force_generic_plan");
            try (PreparedStatement statement = connection.prepareStatement(CLAIM_HINTED_HEADS)) {
                statement.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                return TransactionJdbc.readAll(statement, OutboxClaims::readEvent);
            }
        });
    }

    private static PendingEvent readEvent(java.sql.ResultSet row) throws java.sql.SQLException {
        return new PendingEvent(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getInt(6), row.getTimestamp(7).toInstant(), row.getString(8));
    }

    void markPublished(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(MARK_PUBLISHED)) {
                // One array parameter: one statement text whatever the round's size, so it stays prepared.
                statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                return statement.executeUpdate();
            }
        });
    }

    /** Counts a failed attempt; parks the event when {@code park}, else schedules the retry. */
    void recordFailure(String id, String error, boolean park, Duration retryAfter) {
        jdbc.update("""
                        update outbox_event set attempts = attempts + 1, last_error = ?,
                            parked_at = case when ? then clock_timestamp() end,
                            next_attempt_at = now() + make_interval(secs => ?)
                        where id = ?""", statement -> {
            statement.setString(1, error);
            statement.setBoolean(2, park);
            statement.setDouble(3, retryAfter.toMillis() / 1000.0);
            statement.setString(4, id);
        });
    }

    /** Deletes published events older than the retention, a batch at a time. */
    int deletePublishedBefore(Duration retention, int batch) {
        return jdbc.update("""
                        delete from outbox_event where seq in (
                            select seq from outbox_event
                            where published_at is not null
                              and published_at < now() - make_interval(secs => ?)
                            limit ?)""", statement -> {
            statement.setDouble(1, retention.toSeconds());
            statement.setInt(2, batch);
        });
    }

    OutboxBacklog backlog() {
        return jdbc.query("""
                        select count(*) filter (where published_at is null and parked_at is null),
                               coalesce(extract(epoch from now() - min("timestamp") filter (where published_at is null
                                                                                          and parked_at is null)), 0),
                               count(*) filter (where parked_at is not null)
                        from outbox_event""", statement -> { },
                row -> new OutboxBacklog(row.getLong(1), row.getDouble(2), row.getLong(3))).get(0);
    }

    /** Unpublished events, age of the oldest one in seconds, parked events. */
    record OutboxBacklog(long pending, double oldestPendingAgeSeconds, long parked) {
    }
}
