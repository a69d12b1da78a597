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

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
