package io.leadlistener.stats;

import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds to the hourly counters of {@code lead_stats_hourly} in the caller's transaction, so a counted thing and its count
 * commit together (a rolled-back message counts nothing, a redelivered one is not processed twice). One statement per
 * call, whatever the number of counters; rows are locked in key order, so two writers never deadlock, and each
 * connection writes its own shard, so two workers rarely wait for each other (V22).
 */
@ApplicationScoped
public class HourlyCounters {

    private static final String ADD = """
            insert into lead_stats_hourly as s (tenant_id, hour, measure, dimension, key, shard, value)
            select ?, date_trunc('hour', cast(? as timestamptz), 'UTC'), c.measure, c.dimension, c.key,
                   pg_backend_pid() % 16, c.value
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as bigint[]))
                as c(measure, dimension, key, value)
            order by c.measure, c.dimension, c.key
            on conflict (tenant_id, hour, measure, dimension, key, shard) do update set value = s.value + excluded.value""";

    private final TransactionJdbc jdbc;

    public HourlyCounters(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds each counter's value to the tenant's counters of the hour {@code at} falls in (UTC hours). */
    public void add(String tenantId, Instant at, List<StatsCounter> counters) {
        Map<StatsCounter.Key, Long> merged = new TreeMap<>();
        counters.forEach(counter -> merged.merge(counter.key(), counter.value(), Long::sum));
        if (merged.isEmpty()) {
            return;
        }
        String[] measures = new String[merged.size()];
        String[] dimensions = new String[merged.size()];
        String[] keys = new String[merged.size()];
        Long[] values = new Long[merged.size()];
        int i = 0;
        for (Map.Entry<StatsCounter.Key, Long> entry : merged.entrySet()) {
            measures[i] = entry.getKey().measure().column();
            dimensions[i] = entry.getKey().dimension().column();
            keys[i] = entry.getKey().key();
            values[i] = entry.getValue();
            i++;
        }
        jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ADD)) {
                statement.setString(1, tenantId);
                TransactionJdbc.setInstant(statement, 2, at);
                statement.setArray(3, connection.createArrayOf("text", measures));
                statement.setArray(4, connection.createArrayOf("text", dimensions));
                statement.setArray(5, connection.createArrayOf("text", keys));
                statement.setArray(6, connection.createArrayOf("bigint", values));
                return statement.executeUpdate();
            }
        });
    }
}
