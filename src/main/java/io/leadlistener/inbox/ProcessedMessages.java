package io.leadlistener.inbox;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Processed messages that were tagged and still hold their text (within the retention period): what an impact preview
 * evaluates and what a re-tag revisits. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ProcessedMessages {

    /** Tagged (a rule set version is recorded), done, text not yet purged. */
    private static final String TAGGED_WITH_TEXT =
            "m.status = 'done' and m.payload is not null and m.rule_set_version is not null";

    /** The worker's item columns (read by {@link InboxClaims#readItem}), then what the tagging recorded. */
    private static final String COLUMNS = InboxClaims.ITEM_COLUMNS + ", m.intents, m.rule_set_version";

    private static final String NEWEST_FIRST = "select " + COLUMNS + " from inbox_message m where "
            + TAGGED_WITH_TEXT + " and m.tenant_id = any(?) and m.received_at >= ? and m.id < ?"
            + " order by m.id desc limit ?";

    private static final String TAGGED_BEFORE_VERSION = "select " + COLUMNS + " from inbox_message m where "
            + TAGGED_WITH_TEXT + " and m.tenant_id = ? and m.id > ? and m.id <= ? and m.rule_set_version < ?"
            + " order by m.id limit ?";

    private static final String RANGE = """
            select min(id), max(id), count(*) from (
                select m.id from inbox_message m where %s
                  and m.tenant_id = ? and m.received_at >= ? and m.received_at <= ? and m.rule_set_version < ?
                order by m.id desc limit ?) newest""".formatted(TAGGED_WITH_TEXT);

    private static final String RECORD_TAGGING = """
            update inbox_message set intents = cast(? as text[]), rule_set_version = ?, tagging = ? where id = ?""";

    private final TransactionJdbc jdbc;

    public ProcessedMessages(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A processed message with what was recorded about it.
     *
     * @param intents        the intents found (and announced) when it was last tagged
     * @param ruleSetVersion the version it was last tagged with
     */
    public record ProcessedMessage(InboxItem item, List<String> intents, long ruleSetVersion) {

        /** The id an admin looks the message up by ({@code GET .../messages/{messageId}}). */
        public String messageId() {
            return item.msgId() != null ? item.msgId() : "inbox-" + item.id();
        }
    }

    /** The messages of a window as ids: the newest {@code limit} tagged below {@code version}, and how many. */
    public record IdRange(long firstId, long lastId, long count) {
    }

    /** Up to {@code limit} messages of these tenants received since {@code from}, newest first, below an id. */
    public List<ProcessedMessage> newestFirst(Collection<String> tenantIds, Instant from, long beforeId, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(NEWEST_FIRST)) {
                statement.setArray(1, connection.createArrayOf("text", tenantIds.toArray()));
                TransactionJdbc.setInstant(statement, 2, from);
                statement.setLong(3, beforeId);
                statement.setInt(4, limit);
                return read(statement);
            }
        });
    }

    /**
     * The newest {@code limit} messages of a tenant received in [from, to] and tagged with a version below
     * {@code version}, as an id range; empty (count 0) when there are none.
     */
    public IdRange range(String tenantId, Instant from, Instant to, long version, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RANGE)) {
                statement.setString(1, tenantId);
                TransactionJdbc.setInstant(statement, 2, from);
                TransactionJdbc.setInstant(statement, 3, to);
                statement.setLong(4, version);
                statement.setInt(5, limit);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return new IdRange(row.getLong(1), row.getLong(2), row.getLong(3));
                }
            }
        });
    }

    /** The next {@code limit} messages of a tenant after {@code afterId} up to {@code lastId} tagged below a version. */
    public List<ProcessedMessage> taggedBefore(String tenantId, long version, long afterId, long lastId, int limit) {
        return jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(TAGGED_BEFORE_VERSION)) {
                statement.setString(1, tenantId);
                statement.setLong(2, afterId);
                statement.setLong(3, lastId);
                statement.setLong(4, version);
                statement.setInt(5, limit);
                return read(statement);
            }
        });
    }

    /** Replaces what is recorded about a message's tagging (a re-tag), so look-ups explain the tags now in force. */
    public void recordTagging(long id, ProcessingOutcome.Tagging tagging) {
        jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECORD_TAGGING)) {
                statement.setString(1, InboxClaims.toArrayLiteral(tagging.intents()));
                statement.setLong(2, tagging.ruleSetVersion());
                statement.setString(3, tagging.explanationJson());
                statement.setLong(4, id);
                return statement.executeUpdate();
            }
        });
    }

    private static List<ProcessedMessage> read(PreparedStatement statement) throws SQLException {
        return TransactionJdbc.readAll(statement, row -> {
            Array intents = row.getArray(13);
            List<String> intentList = intents == null ? List.of() : List.of((String[]) intents.getArray());
            return new ProcessedMessage(InboxClaims.readItem(row), intentList, row.getLong(14));
        });
    }
}
