package io.leadlistener.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Where a message's time to its WeCom action went, from the service's own timestamps in PostgreSQL (same machine,
 * same clock): the inbox stage (stored → processed: the inbox worker tagged it, updated the lead and enqueued the
 * actions) and the action stage of each action type (enqueued → carried out and marked done: the action worker's wait
 * and the WeCom calls). Read after a phase, for the rows of that phase; the inbox stage and the stage of the action
 * that ends a message's path add up to roughly the end-to-end latency minus the HTTP request.
 */
final class MessageStages implements AutoCloseable {

    private static final String PERCENTILES = """
            select count(*), percentile_disc(array[0.5, 0.95, 0.99]) within group (order by s), max(s)
            from (select (extract(epoch from %s) * 1000)::float8 as s from %s where %s) stage""";

    private final Connection connection;

    MessageStages(String jdbcUrl, String username, String password) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, username, password);
    }

    /**
     * e.g. {@code inbox stage … p50 12 ms …; 'alert' action stage … p50 30 ms …} for the rows stored since {@code since}.
     *
     * @param actionTypes the {@code wecom_action.type}s to report, each on its own
     */
    String since(Instant since, List<String> actionTypes) throws SQLException {
        StringBuilder stages = new StringBuilder("inbox stage (stored → processed) ").append(stage(
                "processed_at - received_at", "inbox_message", "source = 'api' and received_at >= ?", since, null));
        for (String type : actionTypes) {
            stages.append("; '").append(type).append("' action stage (enqueued → carried out and done) ").append(
                    stage("done_at - created_at", "wecom_action", "created_at >= ? and done_at is not null"
                            + " and type = ?", since, type));
        }
        return stages.toString();
    }

    /** @param type the second parameter of {@code where}, or null when it has one only */
    private String stage(String interval, String table, String where, Instant since, String type)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PERCENTILES.formatted(interval, table,
                where))) {
            statement.setTimestamp(1, Timestamp.from(since));
            if (type != null) {
                statement.setString(2, type);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (row.getLong(1) == 0) {
                    return "no rows";
                }
                Double[] p = (Double[]) row.getArray(2).getArray();
                return String.format(Locale.ROOT, "%,d rows: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                        row.getLong(1), p[0], p[1], p[2], row.getDouble(3));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
