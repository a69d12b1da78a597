package io.leadlistener.stats;

import io.leadlistener.common.TransactionJdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Folds the shards of hours that ended over an hour ago into shard 0, so a month of stats reads one row per counter
 * and hour instead of one per writer connection. The delete and the insert are one statement: a shard's value moves
 * exactly once, even with every replica folding at once (a row another fold deleted first is skipped) or a writer
 * adding to it meanwhile (the delete waits for it and moves the sum it committed). A late write to an old hour makes
 * a new shard row, folded the next time. Rows are locked in key order, the order writers lock them in
 * ({@link HourlyCounters}), so a fold and a late writer never deadlock.
 */
@ApplicationScoped
public class HourlyCounterCompaction {

    private static final Logger LOG = Logger.getLogger(HourlyCounterCompaction.class);

    private static final String FOLD = """
            with doomed as (
                select tenant_id, hour, measure, dimension, key, shard from lead_stats_hourly
                where shard <> 0 and hour < date_trunc('hour', now(), 'UTC') - interval '1 hour'
                order by tenant_id, hour, measure, dimension, key, shard
                for update),
            folded as (
                delete from lead_stats_hourly s using doomed d
                where s.tenant_id = d.tenant_id and s.hour = d.hour and s.measure = d.measure
                  and s.dimension = d.dimension and s.key = d.key and s.shard = d.shard
                returning s.tenant_id, s.hour, s.measure, s.dimension, s.key, s.value)
            insert into lead_stats_hourly as s (tenant_id, hour, measure, dimension, key, shard, value)
            select tenant_id, hour, measure, dimension, key, 0, sum(value) from folded
            group by tenant_id, hour, measure, dimension, key
            order by tenant_id, hour, measure, dimension, key
            on conflict (tenant_id, hour, measure, dimension, key, shard) do update set value = s.value + excluded.value""";

    private final TransactionJdbc jdbc;

    public HourlyCounterCompaction(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFold() {
        try {
            fold();
        } catch (RuntimeException e) {
            // Nothing is lost by not folding: readers sum the shards. The next run tries again.
            LOG.warnf("Folding hourly lead stats failed, will retry: %s", e.getMessage());
        }
    }

    /** @return how many counter rows of shard 0 were written */
    public int fold() {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.update(FOLD, statement -> { }));
    }
}
