package io.leadlistener.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads and writes the service's tables directly, to assert what it stored: through the {@code @QuarkusTest}'s
 * datasource, or any other (packaged-app tests connect from outside the application).
 */
public final class InboxRows {

    private final DataSource dataSource;

    public InboxRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count() {
        return queryLong("select count(*) from inbox_message");
    }

    public long countWhere(String condition, Object... args) {
        return queryLong("select count(*) from inbox_message where " + condition, args);
    }

    public List<Map<String, Object>> rows(String condition, Object... args) {
        return query("select * from inbox_message where " + condition + " order by id", args);
    }

    public long queryLong(String sql, Object... args) {
        List<Map<String, Object>> rows = query(sql, args);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet resultSet = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = resultSet.getMetaData().getColumnCount();
                while (resultSet.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(resultSet.getMetaData().getColumnLabel(i), resultSet.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
