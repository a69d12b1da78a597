package io.leadlistener.events;

import io.leadlistener.common.DeferredWrites;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The write side of the transactional outbox: events are rows written in the caller's transaction, together with
 * the state change they describe. The relay publishes them after commit.
 *
 * <p>The events of a transaction are gathered and inserted in one statement just before it commits
 * ({@link DeferredWrites}): a worker round appends one or two events for each of up to a batch of messages.
 */
@ApplicationScoped
public class Outbox {

    static final String AGGREGATE_TYPE = "lead";

    /*
     * The round's events as arrays, unnested into rows in the order they were appended (the relay publishes each
     * lead's events in seq order, and seq follows the insert order).
     */
    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, "timestamp", payload, trace_parent,
                first_capture)
            select e.id, ?, e.aggregateid, e.type, e.ts, e.payload, e.trace_parent, e.first_capture
            from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::boolean[])
                with ordinality as e(id, aggregateid, type, ts, payload, trace_parent, first_capture, n)
            order by e.n
            on conflict (id) do nothing
            returning seq""";

    private final TransactionJdbc jdbc;
    private final OutboxWakeup wakeup;
    private final DeferredWrites deferred;
    private final OutboxHints hints;
    private final TraceContexts traces;

    public Outbox(TransactionJdbc jdbc, OutboxWakeup wakeup,
                  DeferredWrites deferred, OutboxHints hints, TraceContexts traces) {
        this.hints = hints;
        this.jdbc = jdbc;
        this.traces = traces;
        this.wakeup = wakeup;
        this.deferred = deferred;
    }

    /**
     * Appends an event, in the current transaction, unless one with the same (deterministic) id exists: a replayed
     * message or a re-run never yields a second logical event. Must run inside a transaction; the row is written when
     * the transaction commits.
     *
     * @param firstCapture the event announces a message's first processing: its publication measures capture latency
     *                     (callback at {@code timestamp} → acknowledged by Kafka) for the leads stats
     */
    public void append(String eventId, String leadId, String type, Instant timestamp, String cloudEventJson,
                       boolean firstCapture) {
        // The processing span of the message this event comes from: the relay's publish span continues it.
        String traceParent = traces.currentTraceparent();
        deferred.batch(this, Appended::new).events.add(new NewEvent(eventId, leadId, type, timestamp,
                cloudEventJson, traceParent, firstCapture));
    }

    private record NewEvent(String id, String leadId, String type, Instant timestamp, String payload,
                            String traceParent, boolean firstCapture) {
    }

    /** The events appended in one transaction. */
    private final class Appended implements DeferredWrites.Batch {
        final List<NewEvent> events = new ArrayList<>();
        /** The seqs the insert gave the new events (a repeat gets none). */
        List<Long> inserted = List.of();

        @Override
        public void flush() {
            int count = events.size();
            String[] ids = new String[count];
            String[] leadIds = new String[count];
            String[] types = new String[count];
            String[] timestamps = new String[count];
            String[] payloads = new String[count];
            String[] traceParents = new String[count];
            Boolean[] firstCaptures = new Boolean[count];
            for (int i = 0; i < count; i++) {
                NewEvent event = events.get(i);
                ids[i] = event.id();
                leadIds[i] = event.leadId();
                types[i] = event.type();
                // ISO-8601 with its offset: read the same whatever the session's time zone.
                timestamps[i] = event.timestamp().toString();
                payloads[i] = event.payload();
                traceParents[i] = event.traceParent();
                firstCaptures[i] = event.firstCapture();
            }
            inserted = jdbc.call(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                    statement.setString(1, AGGREGATE_TYPE);
                    statement.setArray(2, connection.createArrayOf("text", ids));
                    statement.setArray(3, connection.createArrayOf("text", leadIds));
                    statement.setArray(4, connection.createArrayOf("text", types));
                    statement.setArray(5, connection.createArrayOf("text", timestamps));
                    statement.setArray(6, connection.createArrayOf("text", payloads));
                    statement.setArray(7, connection.createArrayOf("text", traceParents));
                    statement.setArray(8, connection.createArrayOf("bool", firstCaptures));
                    return TransactionJdbc.readAll(statement, row -> row.getLong(1));
                }
            });
        }

        @Override
        public void afterCommit() {
            if (!inserted.isEmpty()) {
                hints.committed(inserted);
                wakeup.signal();
            }
        }
    }
}
