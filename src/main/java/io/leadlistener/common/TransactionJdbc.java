package io.leadlistener.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain JDBC on the connection of the current JTA transaction, for the few statements run once per message on the
 * inbox worker's hot path: the ORM's native-query machinery (parsing, parameter binding, flush checks) cost more CPU
 * than the statements themselves. Same connection, same transaction as everything else the worker writes.
 */
@ApplicationScoped
public class TransactionJdbc {

    private final EntityManager entityManager;

    public TransactionJdbc(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs the work on the current transaction's connection (the caller must be in a transaction). */
    public <T> T call(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
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

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(index, Timestamp.from(value));
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
