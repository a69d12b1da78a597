package io.leadlistener.lead.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's lead stats over a period, per bucket (every bucket present, zeros included) and in total.
 *
 * @param from the period as answered: the request's from and to rounded out to whole buckets
 * @param zone where days start ({@code zone} parameter, UTC by default)
 */
@Schema(name = "LeadStats")
public record StatsReport(String tenant, Instant from, Instant to,
                          @Schema(enumeration = {"hour", "day"}) String bucket, String zone, Bucket totals,
                          List<Bucket> buckets) {

    /**
     * @param leadsCreated     leads whose first callback arrived in the bucket (by the intents of the message that
     *                         created them; a lead made by a contact event has none)
     * @param messagesTagged   messages with at least one intent whose callback arrived in the bucket, counted once
     *                         (a re-tag does not count again)
     * @param alertsSent       alerts WeCom accepted in the bucket (app messages and group robots)
     * @param captureLatencyMs callback arrived → Kafka acknowledged the message's lead.intent-tagged.v1
     */
    @Schema(name = "LeadStatsBucket")
    public record Bucket(Instant start, Instant end, Counts leadsCreated, Counts messagesTagged, long alertsSent,
                         Latency captureLatencyMs) {
    }

    /**
     * A count in total and split by intent id, pool and channel (a thing with two intents counts under both).
     *
     * @param byKeyword messages tagged, in {@code totals} only: the rule keywords that matched, each counted once per
     *                  message
     */
    @Schema(name = "LeadStatsCounts")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counts(long total, Map<String, Long> byIntent, Map<String, Long> byPool,
                         Map<String, Long> byChannel, Map<String, Long> byKeyword) {
    }

    /**
     * Percentiles read from a histogram whose buckets are 9 % wide: each is the upper bound of the bucket the
     * percentile falls in, so at most 9 % above the true value; null when nothing was measured.
     */
    @Schema(name = "LeadStatsLatency")
    public record Latency(long count, Double p50, Double p95) {
    }
}
