package io.leadlistener.stats;

import io.leadlistener.common.DeferredWrites;
import io.leadlistener.common.TransactionJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds to the hourly counters of {@code lead_stats_hourly} in the caller's transaction, so a counted thing and its count
 * commit together (a rolled-back message counts nothing, a redelivered one is not processed twice). The counts of a
 * whole transaction are summed and written in one statement just before it commits ({@link DeferredWrites}); rows are
 * locked in key order, so two writers never deadlock, and each connection writes its own shard, so two workers rarely
 * wait for each other (V22).
 */
@ApplicationScoped
public class HourlyCounters {

    private static final String ADD = """
            insert into lead_stats_hourly as s (tenant_id, hour, measure, dimension, key, shard, value)
            select c.tenant_id, c.hour, c.measure, c.dimension, c.key, pg_backend_pid() % 16, c.value
            from unnest(cast(? as text[]), cast(? as timestamptz[]), cast(? as text[]), cast(? as text[]),
                        cast(? as text[]), cast(? as bigint[]))
                as c(tenant_id, hour, measure, dimension, key, value)
            order by c.tenant_id, c.hour, c.measure, c.dimension, c.key
            on conflict (tenant_id, hour, measure, dimension, key, shard) do update set value = s.value + excluded.value""";

    private final TransactionJdbc jdbc;
    private final DeferredWrites deferred;

    public HourlyCounters(TransactionJdbc jdbc, DeferredWrites deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
    }

    /**
     * Adds each counter's value to the tenant's counters of the hour {@code at} falls in (UTC hours), when the current
     * transaction commits.
     */
    public void add(String tenantId, Instant at, List<StatsCounter> counters) {
        if (counters.isEmpty()) {
            return;
        }
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        Map<Row, Long> sums = deferred.batch(this, Sums::new).values;
        counters.forEach(counter -> sums.merge(new Row(tenantId, hour, counter.key()), counter.value(), Long::sum));
    }

    /** A counter row without its shard, in the order rows are locked. */
    private record Row(String tenantId, Instant hour, StatsCounter.Key key) implements Comparable<Row> {
        private static final Comparator<Row> ORDER = Comparator.comparing(Row::tenantId).thenComparing(Row::hour)
                .thenComparing(Row::key);

        @Override
        public int compareTo(Row other) {
            return ORDER.compare(this, other);
        }
    }

    /** The sums of one transaction. */
    private final class Sums implements DeferredWrites.Batch {
        final Map<Row, Long> values = new TreeMap<>();

        @Override
        public void flush() {
            int count = values.size();
            String[] tenants = new String[count];
            String[] hours = new String[count];
            String[] measures = new String[count];
            String[] dimensions = new String[count];
            String[] keys = new String[count];
            Long[] sums = new Long[count];
            int i = 0;
            for (Map.Entry<Row, Long> entry : values.entrySet()) {
                Row row = entry.getKey();
                tenants[i] = row.tenantId();
                hours[i] = row.hour().toString();
                measures[i] = row.key().measure().column();
                dimensions[i] = row.key().dimension().column();
                keys[i] = row.key().key();
                sums[i] = entry.getValue();
                i++;
            }
            jdbc.call(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(ADD)) {
                    statement.setArray(1, connection.createArrayOf("text", tenants));
                    statement.setArray(2, connection.createArrayOf("text", hours));
                    statement.setArray(3, connection.createArrayOf("text", measures));
                    statement.setArray(4, connection.createArrayOf("text", dimensions));
                    statement.setArray(5, connection.createArrayOf("text", keys));
                    statement.setArray(6, connection.createArrayOf("bigint", sums));
                    return statement.executeUpdate();
                }
            });
        }
    }
}
