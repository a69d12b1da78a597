package io.leadlistener.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain JDBC on the connection of the current JTA transaction: every write to the tables the message path writes
 * ({@code inbox_message}, {@code lead}, {@code outbox_event}, {@code kf_cursor}) goes through here, whoever makes it
 * (worker, relay, admin replay, retention purge), because on the hot path the ORM's native-query machinery (parsing,
 * parameter binding, flush checks) cost more CPU than the statements themselves — and one table is written one way.
 * Same connection, same transaction as everything else (docs/architecture.md, "Persistence").
 */
@ApplicationScoped
public class TransactionJdbc {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public TransactionJdbc(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * Runs the work on the current transaction's connection (the caller must be in a transaction). Inside a JTA
     * transaction the pool hands out the connection enlisted in it — the one the ORM uses too — so the work sees
     * and commits with everything else the transaction did. Taken from the pool directly rather than through the
     * ORM session (issue 24: the session's wrapping was a third of the cost of a statement on the worker's path).
     *
     * @throws IllegalStateException outside a transaction, where the statements would silently commit on their own
     * @throws DatabaseException when the work fails with an {@link SQLException} (its cause)
     */
    public <T> T call(ReturningWork<T> work) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("TransactionJdbc needs a transaction");
        }
        try (Connection connection = dataSource.getConnection()) {
            return work.execute(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** A statement of a transaction failed; the {@link SQLException} is the cause. */
    public static final class DatabaseException extends RuntimeException {
        DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Sets the parameters of a prepared statement. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs one insert, update or delete on the current transaction's connection. @return the rows it changed */
    public int update(String sql, Parameters parameters) {
        return call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs one query (or an update with {@code returning}) on the current transaction's connection. */
    public <T> List<T> query(String sql, Parameters parameters, RowReader<T> reader) {
        return call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return readAll(statement, reader);
            }
        });
    }

    /** Reads one row of a result set into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs the prepared query and reads every row it returns, in order. */
    public static <T> List<T> readAll(PreparedStatement query, RowReader<T> reader) throws SQLException {
        List<T> values = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(reader.read(rows));
            }
        }
        return values;
    }

    /**
     * A planner setting for the rest of the current transaction only ({@code set local}), for a statement that must be
     * planned a particular way; the connection goes back to the pool with its own settings at commit or rollback.
     */
    public static void setLocal(Connection connection, String setting, String value) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute("set local " + setting + " = " + value);
        }
    }

    /** The column as an instant, null for SQL NULL. */
    public static Instant getInstant(java.sql.ResultSet row, int column) throws SQLException {
        java.sql.Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // As timestamptz (every column is one): pgjdbc writes an OffsetDateTime directly, where a Timestamp goes
            // through a synchronized Calendar of the JVM's zone (1 % of the service's CPU under load, issue 24).
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
