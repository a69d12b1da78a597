package io.leadlistener.lead.view;

import io.leadlistener.common.TransactionJdbc;
import io.leadlistener.stats.CaptureLatencyBuckets;
import io.leadlistener.stats.StatsDimension;
import io.leadlistener.stats.StatsMeasure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
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

    /*
     * Summed per answer bucket in PostgreSQL (width_bucket over the buckets' starts): a month by day is a thousand
     * rows to read, not one per counter and hour. Keywords are answered for the whole period only (bucket 0).
     * The image's small heap is why the rows are streamed and turned into sums without objects per row: a month by
     * hour is ~40,000 rows, and holding them made every such request pay for a full collection.
     */
    private static final String COUNTERS = """
            select case when dimension = 'keyword' then 0 else width_bucket(hour, cast(? as timestamptz[])) end,
                   measure, dimension, key, sum(value)::bigint
            from lead_stats_hourly
            where tenant_id = ? and hour >= ? and hour < ?
            group by 1, measure, dimension, key""";
    private static final int FETCH_SIZE = 2_000;

    private final TransactionJdbc jdbc;

    LeadStats(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    StatsReport report(String tenantId, StatsRequest request) {
        List<Instant> starts = request.bucketStarts();
        List<Tally> buckets = new ArrayList<>();
        starts.forEach(start -> buckets.add(new Tally(false)));
        Tally totals = new Tally(true);
        jdbc.call(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(COUNTERS)) {
                statement.setArray(1, connection.createArrayOf("timestamptz",
                        starts.stream().map(Timestamp::from).toArray()));
                statement.setString(2, tenantId);
                TransactionJdbc.setInstant(statement, 3, request.from());
                TransactionJdbc.setInstant(statement, 4, request.to());
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        int bucket = row.getInt(1);
                        StatsMeasure measure = StatsMeasure.ofColumn(row.getString(2));
                        StatsDimension dimension = StatsDimension.ofColumn(row.getString(3));
                        String key = row.getString(4);
                        long value = row.getLong(5);
                        // width_bucket counts from 1 at the first start; 0 is the period's keywords
                        if (bucket > 0) {
                            buckets.get(bucket - 1).add(measure, dimension, key, value);
                        }
                        totals.add(measure, dimension, key, value);
                    }
                }
            }
            return null;
        });
        List<StatsReport.Bucket> answered = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            answered.add(buckets.get(i).bucket(starts.get(i), request.next(starts.get(i))));
        }
        return new StatsReport(tenantId, request.from(), request.to(), request.bucket().id(), request.zone().getId(),
                totals.bucket(request.from(), request.to()), answered);
    }

    /** One bucket's sums (or the period's, with its keywords), as the counters come. */
    private static final class Tally {
        private final Split leadsCreated = new Split(false);
        private final Split messagesTagged;
        private long alertsSent;
        private final TreeMap<Integer, Long> latency = new TreeMap<>();

        Tally(boolean withKeywords) {
            messagesTagged = new Split(withKeywords);
        }

        void add(StatsMeasure measure, StatsDimension dimension, String key, long value) {
            switch (measure) {
                case LEADS_CREATED -> leadsCreated.add(dimension, key, value);
                case MESSAGES_TAGGED -> messagesTagged.add(dimension, key, value);
                case ALERTS_SENT -> alertsSent += value;
                case CAPTURE_LATENCY -> latency.merge(Integer.parseInt(key), value, Long::sum);
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

        void add(StatsDimension dimension, String key, long value) {
            switch (dimension) {
                case TOTAL -> total += value;
                case INTENT -> byIntent.merge(key, value, Long::sum);
                case POOL -> byPool.merge(key, value, Long::sum);
                case CHANNEL -> byChannel.merge(key, value, Long::sum);
                case KEYWORD -> byKeyword.merge(key, value, Long::sum);
                case BUCKET -> throw new IllegalStateException("a count split by latency bucket");
            }
        }

        /** The maps themselves: a tally is answered once and not touched after. */
        StatsReport.Counts counts() {
            return new StatsReport.Counts(total, byIntent, byPool, byChannel, keywords ? byKeyword : null);
        }
    }
}
