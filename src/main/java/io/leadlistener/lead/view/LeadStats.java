package io.leadlistener.lead.view;

import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.stats.CaptureLatencyBuckets;
import io.leadlistener.stats.StatsDimension;
import io.leadlistener.stats.StatsMeasure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums the tenant's hourly counters ({@code lead_stats_hourly}, shards and all) into the request's buckets. Must run
 * in a transaction; reads only.
 */
@ApplicationScoped
class LeadStats {

    private static final String COUNTERS = """
            select hour, measure, dimension, key, sum(value) from lead_stats_hourly
            where tenant_id = ? and hour >= ? and hour < ?
            group by hour, measure, dimension, key""";

    private final TransactionJdbc jdbc;

    LeadStats(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    StatsReport report(String tenantId, StatsRequest request) {
        TreeMap<Instant, Tally> buckets = new TreeMap<>();
        request.bucketStarts().forEach(start -> buckets.put(start, new Tally()));
        Tally totals = new Tally();
        jdbc.query(COUNTERS, statement -> {
            statement.setString(1, tenantId);
            TransactionJdbc.setInstant(statement, 2, request.from());
            TransactionJdbc.setInstant(statement, 3, request.to());
        }, row -> {
            Instant hour = row.getTimestamp(1).toInstant();
            Counter counter = new Counter(StatsMeasure.ofColumn(row.getString(2)),
                    StatsDimension.ofColumn(row.getString(3)), row.getString(4), row.getLong(5));
            buckets.floorEntry(hour).getValue().add(counter);
            totals.add(counter);
            return counter;
        });
        List<StatsReport.Bucket> answered = new ArrayList<>();
        buckets.forEach((start, tally) -> answered.add(tally.bucket(start, request.next(start))));
        return new StatsReport(tenantId, request.from(), request.to(), request.bucket().id(), request.zone().getId(),
                totals.bucket(request.from(), request.to()), answered);
    }

    private record Counter(StatsMeasure measure, StatsDimension dimension, String key, long value) {
    }

    /** One bucket's sums, as the counters come. */
    private static final class Tally {
        private final Split leadsCreated = new Split(false);
        private final Split messagesTagged = new Split(true);
        private long alertsSent;
        private final TreeMap<Integer, Long> latency = new TreeMap<>();

        void add(Counter counter) {
            switch (counter.measure()) {
                case LEADS_CREATED -> leadsCreated.add(counter);
                case MESSAGES_TAGGED -> messagesTagged.add(counter);
                case ALERTS_SENT -> alertsSent += counter.value();
                case CAPTURE_LATENCY -> latency.merge(Integer.parseInt(counter.key()), counter.value(), Long::sum);
            }
        }

        StatsReport.Bucket bucket(Instant start, Instant end) {
            long measured = latency.values().stream().mapToLong(Long::longValue).sum();
            return new StatsReport.Bucket(start, end, leadsCreated.counts(), messagesTagged.counts(), alertsSent,
                    new StatsReport.Latency(measured, percentile(0.50, measured), percentile(0.95, measured)));
        }

        /** The upper bound of the histogram bucket holding the value at this rank (nearest-rank method). */
        private Double percentile(double fraction, long measured) {
            if (measured == 0) {
                return null;
            }
            long rank = (long) Math.ceil(fraction * measured);
            long seen = 0;
            for (Map.Entry<Integer, Long> bucket : latency.entrySet()) {
                seen += bucket.getValue();
                if (seen >= rank) {
                    return Math.round(CaptureLatencyBuckets.upperBoundMillis(bucket.getKey()) * 10) / 10.0;
                }
            }
            throw new IllegalStateException("rank beyond the histogram");
        }
    }

    /** A measure in total and per intent, pool, channel and, for tagged messages, keyword. */
    private static final class Split {
        private final boolean keywords;
        private long total;
        private final Map<String, Long> byIntent = new TreeMap<>();
        private final Map<String, Long> byPool = new TreeMap<>();
        private final Map<String, Long> byChannel = new TreeMap<>();
        private final Map<String, Long> byKeyword = new TreeMap<>();

        Split(boolean keywords) {
            this.keywords = keywords;
        }

        void add(Counter counter) {
            switch (counter.dimension()) {
                case TOTAL -> total += counter.value();
                case INTENT -> byIntent.merge(counter.key(), counter.value(), Long::sum);
                case POOL -> byPool.merge(counter.key(), counter.value(), Long::sum);
                case CHANNEL -> byChannel.merge(counter.key(), counter.value(), Long::sum);
                case KEYWORD -> byKeyword.merge(counter.key(), counter.value(), Long::sum);
                case BUCKET -> throw new IllegalStateException("a count split by latency bucket");
            }
        }

        StatsReport.Counts counts() {
            return new StatsReport.Counts(total, new TreeMap<>(byIntent), new TreeMap<>(byPool), new TreeMap<>(byChannel),
                    keywords ? new TreeMap<>(byKeyword) : null);
        }
    }
}
