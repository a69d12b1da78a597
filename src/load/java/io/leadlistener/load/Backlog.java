package io.leadlistener.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the service still owes, read from PostgreSQL: inbox rows not yet processed, outbox events not yet on Kafka and
 * WeCom actions (alerts) not yet carried out.
 */
final class Backlog implements AutoCloseable {

    record Counts(long inboxPending, long inboxParked, long outboxPending, long outboxParked, long actionsPending,
                  long actionsParked) {
        long pending() {
            return inboxPending + outboxPending + actionsPending;
        }

        @Override
        public String toString() {
            return "inbox " + inboxPending + " pending / " + inboxParked + " parked, outbox " + outboxPending
                    + " pending / " + outboxParked + " parked, WeCom actions " + actionsPending + " pending / "
                    + actionsParked + " parked";
        }
    }

    private final Connection connection;

    Backlog(String jdbcUrl, String username, String password) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, username, password);
        connection.setAutoCommit(true);
    }

    synchronized Counts read() {
        try (Statement statement = connection.createStatement();
                ResultSet inbox = statement.executeQuery("""
                        select count(*) filter (where status = 'pending'), count(*) filter (where status = 'parked')
                        from inbox_message""")) {
            inbox.next();
            long inboxPending = inbox.getLong(1);
            long inboxParked = inbox.getLong(2);
            long outboxPending;
            long outboxParked;
            try (ResultSet outbox = statement.executeQuery("""
                    select count(*) filter (where published_at is null and parked_at is null),
                           count(*) filter (where parked_at is not null)
                    from outbox_event""")) {
                outbox.next();
                outboxPending = outbox.getLong(1);
                outboxParked = outbox.getLong(2);
            }
            try (ResultSet actions = statement.executeQuery("""
                    select count(*) filter (where done_at is null and parked_at is null),
                           count(*) filter (where parked_at is not null)
                    from wecom_action""")) {
                actions.next();
                return new Counts(inboxPending, inboxParked, outboxPending, outboxParked, actions.getLong(1),
                        actions.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the backlog: " + e.getMessage(), e);
        }
    }

    /** The setting PostgreSQL actually runs with: the report must say whether commits were durable. */
    synchronized String setting(String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Starts pg_stat_statements' counts afresh (the extension is created on first use). */
    synchronized void resetStatementProfile() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * PostgreSQL's time per statement since the last reset, most expensive first, as text: what a phase's share of
     * PostgreSQL's CPU was spent on.
     */
    synchronized String statementProfile(long acceptedRequests) throws SQLException {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%10s %10s %12s %10s %12s %10s %10s  %s%n", "calls", "per req", "total ms", "mean ms", "ms per req", "plans",
                "plan ms", "query"));
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select calls, total_exec_time + total_plan_time, mean_exec_time,
                               regexp_replace(query, '\\s+', ' ', 'g'), plans, total_plan_time
                        from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                        order by total_exec_time + total_plan_time desc limit 40""")) {
            double sum = 0;
            while (rows.next()) {
                double total = rows.getDouble(2);
                sum += total;
                String query = rows.getString(4);
                out.append(String.format(java.util.Locale.ROOT, "%,10d %10.2f %,12.0f %10.3f %12.4f %,10d %,10.0f  %s%n",
                        rows.getLong(1), rows.getLong(1) / (double) Math.max(1, acceptedRequests), total,
                        rows.getDouble(3), total / Math.max(1, acceptedRequests), rows.getLong(5), rows.getDouble(6),
                        query.length() > 300 ? query.substring(0, 300) + " …" : query));
            }
            out.append(String.format(java.util.Locale.ROOT, "sum of the above: %,.0f ms = %.4f ms per request%n", sum,
                    sum / Math.max(1, acceptedRequests)));
        }
        return out.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
