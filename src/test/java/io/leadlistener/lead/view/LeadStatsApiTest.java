package io.leadlistener.lead.view;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.leadlistener.stats.CaptureLatencyBuckets;
import io.leadlistener.stats.HourlyCounterCompaction;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stats' arithmetic on counters seeded in a year no live traffic reaches: shards summed, hours put into the
 * zone's days, empty buckets with zeros, percentiles read from the histogram — and the same answer after the
 * counters of closed hours are folded into one shard.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class LeadStatsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "hushed";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HourlyCounterCompaction compaction;

    private InboxRows db;

    @BeforeEach
    void seed() {
        db = new InboxRows(dataSource);
        db.update("delete from lead_stats_hourly where tenant_id = ? and hour < '2019-01-01'", TENANT);
        // 2018-06-01 Asia/Shanghai: 16:00Z the day before to 16:00Z. 15:00Z is still 5-31 there; 16:00Z is 6-01.
        counter("2018-05-31T15:00:00Z", "messages_tagged", "", "", 0, 4);
        counter("2018-05-31T16:00:00Z", "messages_tagged", "", "", 3, 5);
        counter("2018-05-31T16:00:00Z", "messages_tagged", "", "", 7, 2);
        counter("2018-05-31T16:00:00Z", "messages_tagged", "intent", "quote", 3, 6);
        counter("2018-05-31T16:00:00Z", "messages_tagged", "intent", "sample", 7, 1);
        counter("2018-05-31T16:00:00Z", "messages_tagged", "pool", "华东", 3, 7);
        counter("2018-05-31T16:00:00Z", "messages_tagged", "channel", "wecom-kf", 7, 7);
        counter("2018-05-31T16:00:00Z", "messages_tagged", "keyword", "报价", 3, 5);
        counter("2018-05-31T17:00:00Z", "messages_tagged", "keyword", "报价", 7, 1);
        // 16:00Z is midnight in Shanghai: 2018-06-02 there
        counter("2018-06-01T16:00:00Z", "leads_created", "", "", 1, 3);
        counter("2018-06-01T16:00:00Z", "leads_created", "intent", "quote", 1, 3);
        counter("2018-06-01T16:00:00Z", "alerts_sent", "", "", 9, 2);
        // 10 tagged messages captured in ~40 ms, 9 in ~90 ms, 1 in ~2 s: p50 in the first bucket, p95 in the second.
        latency("2018-06-01T02:00:00Z", 40, 10);
        latency("2018-06-01T03:00:00Z", 90, 9);
        latency("2018-06-01T03:00:00Z", 2_000, 1);
        // 2018-06-03 (Shanghai) has nothing; 06-04 01:00 one alert.
        counter("2018-06-03T17:00:00Z", "alerts_sent", "", "", 2, 1);
    }

    @Test
    void daysInTheZoneSumShardsAndKeepEmptyBuckets() {
        JsonNode stats = stats("from=2018-05-31T00:00:00%2B08:00&to=2018-06-04T12:00:00%2B08:00&bucket=day"
                + "&zone=Asia/Shanghai");
        assertThat(stats.path("from").asText()).isEqualTo("2018-05-30T16:00:00Z");
        assertThat(stats.path("to").asText()).as("rounded out to the day's end").isEqualTo("2018-06-04T16:00:00Z");
        assertThat(stats.path("zone").asText()).isEqualTo("Asia/Shanghai");
        JsonNode buckets = stats.path("buckets");
        assertThat(buckets.size()).isEqualTo(5);
        JsonNode may31 = buckets.get(0);
        assertThat(may31.path("start").asText()).isEqualTo("2018-05-30T16:00:00Z");
        assertThat(may31.path("end").asText()).isEqualTo("2018-05-31T16:00:00Z");
        assertThat(may31.at("/messagesTagged/total").asLong()).isEqualTo(4);
        JsonNode june1 = buckets.get(1);
        assertThat(june1.at("/messagesTagged/total").asLong()).as("two shards").isEqualTo(7);
        assertThat(june1.at("/messagesTagged/byIntent").toString()).isEqualTo("{\"quote\":6,\"sample\":1}");
        assertThat(june1.at("/messagesTagged/byPool").toString()).isEqualTo("{\"华东\":7}");
        assertThat(june1.at("/messagesTagged/byChannel").toString()).isEqualTo("{\"wecom-kf\":7}");
        assertThat(june1.at("/messagesTagged").has("byKeyword")).as("keywords: the period's only").isFalse();
        assertThat(stats.at("/totals/messagesTagged/byKeyword").toString()).isEqualTo("{\"报价\":6}");
        assertThat(stats.at("/totals/leadsCreated").has("byKeyword")).as("keywords are the messages'").isFalse();
        assertThat(june1.at("/leadsCreated/total").asLong()).isZero();
        assertThat(june1.at("/captureLatencyMs/count").asLong()).isEqualTo(20);
        assertThat(june1.at("/captureLatencyMs/p50").asDouble()).isEqualTo(upper(40));
        assertThat(june1.at("/captureLatencyMs/p95").asDouble()).isEqualTo(upper(90));
        JsonNode june2 = buckets.get(2);
        assertThat(june2.at("/leadsCreated/total").asLong()).as("16:00Z is the next day in Shanghai").isEqualTo(3);
        assertThat(june2.at("/leadsCreated/byIntent/quote").asLong()).isEqualTo(3);
        assertThat(june2.path("alertsSent").asLong()).isEqualTo(2);
        JsonNode june3 = buckets.get(3);
        assertThat(june3.at("/messagesTagged/total").asLong()).isZero();
        assertThat(june3.at("/messagesTagged/byIntent").toString()).isEqualTo("{}");
        assertThat(june3.path("alertsSent").asLong()).isZero();
        assertThat(june3.at("/captureLatencyMs/count").asLong()).isZero();
        assertThat(june3.at("/captureLatencyMs/p50").isNull()).isTrue();
        assertThat(buckets.get(4).path("alertsSent").asLong()).isEqualTo(1);
        JsonNode totals = stats.path("totals");
        assertThat(totals.at("/messagesTagged/total").asLong()).isEqualTo(11);
        assertThat(totals.path("alertsSent").asLong()).isEqualTo(3);
        assertThat(totals.at("/captureLatencyMs/p95").asDouble()).isEqualTo(upper(90));
    }

    @Test
    void hoursAreUtcHoursWithZeros() {
        JsonNode buckets = stats("from=2018-05-31T15:30:00Z&to=2018-05-31T18:00:00Z&bucket=hour").path("buckets");
        assertThat(buckets.size()).isEqualTo(3);
        assertThat(buckets.get(0).at("/messagesTagged/total").asLong()).isEqualTo(4);
        assertThat(buckets.get(1).at("/messagesTagged/total").asLong()).isEqualTo(7);
        assertThat(buckets.get(2).at("/messagesTagged/total").asLong()).isZero();
        assertThat(buckets.get(2).path("start").asText()).isEqualTo("2018-05-31T17:00:00Z");
    }

    @Test
    void foldingClosedHoursIntoOneShardChangesNoAnswer() {
        String query = "from=2018-05-31T00:00:00%2B08:00&to=2018-06-05T00:00:00%2B08:00&zone=Asia/Shanghai";
        JsonNode before = stats(query);
        long rowsBefore = rows();

        compaction.fold();

        assertThat(rows()).as("shards 3 and 7 of 16:00Z are one row now").isLessThan(rowsBefore);
        assertThat(db.queryLong("select count(*) from lead_stats_hourly where tenant_id = ? and hour < '2019-01-01'"
                + " and shard <> 0", TENANT)).isZero();
        assertThat(stats(query)).isEqualTo(before);
        long folded = rows();
        compaction.fold();
        assertThat(rows()).isEqualTo(folded);
        assertThat(stats(query)).isEqualTo(before);
    }

    @Test
    void theCurrentHourIsLeftToItsWriters() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        counter(now.toString(), "alerts_sent", "", "", 11, 1);
        try {
            compaction.fold();
            assertThat(db.queryLong("select count(*) from lead_stats_hourly where tenant_id = ? and hour = ?"
                    + " and measure = 'alerts_sent' and shard = 11", TENANT, Timestamp.from(now))).isEqualTo(1);
        } finally {
            db.update("delete from lead_stats_hourly where tenant_id = ? and hour = ? and measure = 'alerts_sent'"
                    + " and shard = 11", TENANT, Timestamp.from(now));
        }
    }

    private long rows() {
        return db.queryLong("select count(*) from lead_stats_hourly where tenant_id = ? and hour < '2019-01-01'",
                TENANT);
    }

    private static double upper(double millis) {
        return Math.round(CaptureLatencyBuckets.upperBoundMillis(CaptureLatencyBuckets.bucketOf(millis)) * 10) / 10.0;
    }

    private void counter(String hour, String measure, String dimension, String key, int shard, long value) {
        db.update("insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value) "
                + "values (?, ?, ?, ?, ?, ?, ?)", TENANT, Timestamp.from(Instant.parse(hour)), measure, dimension, key,
                (short) shard, value);
    }

    private void latency(String hour, double millis, long count) {
        counter(hour, "capture_latency", "bucket", Integer.toString(CaptureLatencyBuckets.bucketOf(millis)), 5, count);
    }

    private static JsonNode stats(String query) {
        try {
            return JSON.readTree(given().auth().oauth2("test-admin-token").urlEncodingEnabled(false)
                    .when().get("/api/v1/tenants/" + TENANT + "/stats?" + query)
                    .then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
