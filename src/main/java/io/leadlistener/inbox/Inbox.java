package io.leadlistener.inbox;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.common.GroupCommit;
import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.tracing.TraceContexts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The front half of the inbox: durable, deduplicated storage of what a source hands us. A caller may acknowledge
 * its sender as soon as {@link #store} returns.
 *
 * <p>The acknowledging path ({@link #store}, {@link #storeAll}) writes with plain JDBC in a local transaction: it is
 * the hottest write of the service and has nothing to share a JTA transaction with, so it skips the transaction
 * manager and the ORM (together a third of its CPU time under load). Rows stored as part of other work
 * ({@link #storeInCurrentTransaction}) use the same statement on the connection of the caller's JTA transaction.
 */
@ApplicationScoped
public class Inbox {

    /*
     * One statement for any number of messages (a group commit's worth): the columns as arrays, unnested into rows.
     * One round trip and one statement text (so it stays server-prepared) instead of one execution per message.
     */
    private static final String INSERT = """
            insert into inbox_message (tenant_id, callback_name, source, dedupe_key, contact_key, msg_type,
                event, change_type, from_user, msg_id, created_at_source, content_length, payload, trace_parent)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int[], ?::text[], ?::text[])
            on conflict (tenant_id, dedupe_key) do nothing
            returning tenant_id, dedupe_key""";

    private final TransactionJdbc jdbc;
    private final AgroalDataSource dataSource;
    private final InboxWakeup wakeup;
    private final TraceContexts traces;
    private final GroupCommit<Traced, InboxAdmission> groupCommit;

    /** A message and the trace of the request that stores it (captured on the caller's thread). */
    private record Traced(NewInboxMessage message, String traceParent) {
    }

    public Inbox(TransactionJdbc jdbc, AgroalDataSource dataSource, InboxWakeup wakeup, InboxConfig config,
                 InboxMetrics metrics, TraceContexts traces) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.wakeup = wakeup;
        this.traces = traces;
        this.groupCommit = new GroupCommit<>(this::insertCommitted, one -> insertCommitted(List.of(one)).get(0),
                config.store().maxBatch(), metrics::storedTogether);
    }

    /**
     * Stores the message unless one with the same dedupe key is already there, and returns once it is durable. The
     * unique constraint, not a prior lookup, decides: concurrent retries on several replicas still store exactly one
     * row. Messages stored concurrently share a transaction ({@link GroupCommit}): under load one commit makes many
     * callbacks durable, instead of one fsync'd commit each.
     *
     * @throws InboxUnavailableException when PostgreSQL could not store it (nothing was stored)
     */
    public InboxAdmission store(NewInboxMessage message) {
        InboxAdmission admission = groupCommit.write(new Traced(message, traces.currentTraceparent()));
        if (admission == InboxAdmission.ACCEPTED) {
            wakeup.signal();
        }
        return admission;
    }

    /**
     * Stores several messages in one transaction: all of them are durable when this returns, or none is (a batch
     * is acknowledged as a whole). Each is deduplicated like {@link #store}, also against the others.
     *
     * @throws InboxUnavailableException when PostgreSQL could not store them (none was stored)
     */
    public List<InboxAdmission> storeAll(List<NewInboxMessage> messages) {
        String traceParent = traces.currentTraceparent();
        List<InboxAdmission> admissions = insertCommitted(messages.stream()
                .map(message -> new Traced(message, traceParent)).toList());
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
        Traced traced = new Traced(message, traces.currentTraceparent());
        return jdbc.call(connection -> insert(connection, List.of(traced)).get(0));
    }

    /** Wakes the worker: new rows were committed outside {@link #store}. */
    public void signalNewWork() {
        wakeup.signal();
    }

    /** Inserts and commits the messages in one local transaction; a later duplicate of an earlier one is DUPLICATE. */
    private List<InboxAdmission> insertCommitted(List<Traced> messages) {
        if (QuarkusTransaction.isActive()) {
            // A local commit inside a JTA transaction would be refused by the pool; say what went wrong instead.
            throw new IllegalStateException("Inbox.store commits on its own; use storeInCurrentTransaction inside a "
                    + "transaction");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<InboxAdmission> admissions = insert(connection, messages);
                connection.commit();
                return admissions;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (InboxUnavailableException.isUnavailability(e)) {
                throw new InboxUnavailableException(e);
            }
            throw new IllegalStateException("the inbox refused the message: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts the messages in one statement. A message whose (tenant, dedupe key) is already stored, or comes earlier
     * in the same list, is DUPLICATE; the rest are ACCEPTED, in the list's order.
     */
    private static List<InboxAdmission> insert(Connection connection, List<Traced> messages) throws SQLException {
        Map<List<String>, Integer> firstOfKey = new HashMap<>();
        List<Traced> distinct = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            NewInboxMessage message = messages.get(i).message();
            if (firstOfKey.putIfAbsent(List.of(message.tenantId(), message.dedupeKey()), i) == null) {
                distinct.add(messages.get(i));
            }
        }
        Set<List<String>> inserted = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bindColumns(connection, statement, distinct);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(List.of(rows.getString(1), rows.getString(2)));
                }
            }
        }
        List<InboxAdmission> admissions = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            NewInboxMessage message = messages.get(i).message();
            List<String> key = List.of(message.tenantId(), message.dedupeKey());
            admissions.add(firstOfKey.get(key) == i && inserted.contains(key) ? InboxAdmission.ACCEPTED
                    : InboxAdmission.DUPLICATE);
        }
        return admissions;
    }

    private static void bindColumns(Connection connection, PreparedStatement statement, List<Traced> messages)
            throws SQLException {
        int count = messages.size();
        String[][] text = new String[12][count];
        String[] createdAt = new String[count];
        Integer[] contentLength = new Integer[count];
        for (int i = 0; i < count; i++) {
            NewInboxMessage message = messages.get(i).message();
            text[0][i] = message.tenantId();
            text[1][i] = message.callbackName();
            text[2][i] = message.source();
            text[3][i] = message.dedupeKey();
            text[4][i] = message.contactKey();
            text[5][i] = message.msgType();
            text[6][i] = message.event();
            text[7][i] = message.changeType();
            text[8][i] = message.fromUser();
            text[9][i] = message.msgId();
            // ISO-8601 with its offset: read the same whatever the session's time zone.
            createdAt[i] = message.createdAtSource() == null ? null : message.createdAtSource().toString();
            contentLength[i] = message.contentLength();
            text[10][i] = message.payload();
            text[11][i] = messages.get(i).traceParent();
        }
        for (int column = 0; column < 10; column++) {
            statement.setArray(column + 1, connection.createArrayOf("text", text[column]));
        }
        statement.setArray(11, connection.createArrayOf("text", createdAt));
        statement.setArray(12, connection.createArrayOf("int4", contentLength));
        statement.setArray(13, connection.createArrayOf("text", text[10]));
        statement.setArray(14, connection.createArrayOf("text", text[11]));
    }
}
