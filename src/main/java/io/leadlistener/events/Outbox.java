package io.leadlistener.events;

import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * The write side of the transactional outbox: events are rows written in the caller's transaction, together with
 * the state change they describe. The relay publishes them after commit.
 */
@ApplicationScoped
public class Outbox {

    static final String AGGREGATE_TYPE = "lead";

    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, "timestamp", payload, trace_parent,
                first_capture)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do nothing""";

    private final TransactionJdbc jdbc;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxWakeup wakeup;

    private final TraceContexts traces;

    public Outbox(TransactionJdbc jdbc, TransactionSynchronizationRegistry transactions, OutboxWakeup wakeup,
                  TraceContexts traces) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.transactions = transactions;
        this.wakeup = wakeup;
    }

    /**
     * Appends an event unless one with the same (deterministic) id exists: a replayed message or a re-run never
     * yields a second logical event. Must run inside a transaction.
     *
     * @param firstCapture the event announces a message's first processing: its publication measures capture latency
     *                     (callback at {@code timestamp} → acknowledged by Kafka) for the leads stats
     * @return whether the event is new
     */
    public boolean append(String eventId, String leadId, String type, Instant timestamp, String cloudEventJson,
                          boolean firstCapture) {
        // The processing span of the message this event comes from: the relay's publish span continues it.
        String traceParent = traces.currentTraceparent();
        int inserted = jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, eventId);
                statement.setString(2, AGGREGATE_TYPE);
                statement.setString(3, leadId);
                statement.setString(4, type);
                TransactionJdbc.setInstant(statement, 5, timestamp);
                statement.setString(6, cloudEventJson);
                statement.setString(7, traceParent);
                statement.setBoolean(8, firstCapture);
                return statement.executeUpdate();
            }
        });
        if (inserted == 1) {
            wakeup.signalAfterCommit(transactions);
        }
        return inserted == 1;
    }
}
