package io.leadlistener.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.localinfra.LocalInfraEndpoints;
import io.leadlistener.localinfra.LocalInfraSettings;
import io.leadlistener.localinfra.LocalInfrastructure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 22's benchmark ({@code -Dload.mode=leads_read}): the packaged app on its own PostgreSQL (fsync on) and Kafka,
 * 100,000 leads and 1,000,000 tagged messages of the last 90 days seeded with SQL — lead rows, inbox rows as the worker
 * leaves them, published-event records and the hourly counters they imply — then each leads API query timed over
 * HTTP: 20 warm-up requests, then 30 timed ones. Target: ≤ 200 ms for the stats over 30 days and for a first page with
 * any single filter. Results: docs/benchmarks.md, "Leads API: list, timeline and stats".
 */
final class LeadsReadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LEADS = 100_000;
    private static final int MESSAGES = 1_000_000;
    private static final int WARMUP = 20;
    private static final int TIMED = 30;
    private static final Duration TARGET = Duration.ofMillis(200);
    /** The lead that gets every thousandth message: a long timeline. */
    private static final int BUSY_LEAD = 42;

    private final Path projectRoot;
    private final Path runDirectory;
    private final Path appJar;
    private final List<String> jvmArgs;
    private final HttpClient http = HttpClient.newHttpClient();
    private String adminToken;
    private int port;

    LeadsReadBenchmark(Path projectRoot, Path runDirectory, Path appJar, List<String> jvmArgs) {
        this.projectRoot = projectRoot;
        this.runDirectory = runDirectory;
        this.appJar = appJar;
        this.jvmArgs = jvmArgs;
    }

    void run() throws Exception {
        String machine = LoadHarness.machine();
        LoadHarness.log("machine: " + machine);
        LocalInfraSettings infra = new LocalInfraSettings(projectRoot,
                "leads-" + UUID.randomUUID().toString().substring(0, 8), 0, 0, 0, true);
        List<Timing> timings;
        String seeded;
        try {
            LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(infra);
            adminToken = UUID.randomUUID().toString();
            try (ChildJvm app = ChildJvm.start("service", appJar, jvmArgs,
                    LoadHarness.serviceEnvironment(endpoints, adminToken), LoadHarness.freePort(),
                    LoadHarness.freePort(), runDirectory.resolve("service.log"))) {
                app.awaitReady(Duration.ofSeconds(120));
                port = app.port;
                try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                        endpoints.password())) {
                    seeded = seed(db);
                    timings = measure();
                    explainStats(db);
                }
            }
        } finally {
            LocalInfrastructure.stop(infra);
        }
        String report = report(machine, seeded, timings);
        Files.writeString(runDirectory.resolve("report.md"), report);
        System.out.println();
        System.out.println(report);
        if (timings.stream().anyMatch(timing -> timing.targeted && timing.p95() > TARGET.toMillis())) {
            LoadHarness.log("a targeted query's p95 is over " + TARGET.toMillis() + " ms");
        }
    }

    // ---- seeding ---------------------------------------------------------------------------------------------------

    private String seed(Connection db) throws SQLException {
        long started = System.nanoTime();
        try (Statement sql = db.createStatement()) {
            // Oldest first, as they would have arrived: creation order and created_at agree.
            step(sql, "leads", """
                    insert into lead (lead_id, tenant_id, contact_kind, contact_id, channel, channel_state,
                        owner_user_id, pool, routing_intent, routing_version, intent_counts, first_seen_at,
                        last_seen_at, created_at, profile)
                    select md5('bench-lead-' || i)::uuid::text, 'demo', 'api', 'api:bench-' || i,
                           (array['wecom-app', 'wecom-contact', 'wecom-kf', 'api'])[1 + i %% 4],
                           case when i %% 7 = 0 then 'campaign-' || i %% 5 end,
                           'owner-' || i %% 200, 'pool-' || i %% 5, 'quote', 1,
                           jsonb_build_object('quote', 1 + i %% 3)
                               || case when i %% 3 = 0 then '{"sample": 1}'::jsonb else '{}' end
                               || case when i %% 10 = 0 then '{"agency": 1}'::jsonb else '{}' end
                               || case when i %% 1000 = 0 then '{"rare_custom": 1}'::jsonb else '{}' end,
                           created, least(now(), created + (i %% 240) * interval '1 hour'), created,
                           case when i %% 2 = 0 then jsonb_build_object(
                               'name', (array['李', '王', '张', '刘', '陈', '杨', '赵', '黄'])[1 + i %% 8]
                                       || (array['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇'])[1 + (i / 8) %% 8]
                                       || '-' || i,
                               'corpName', '示例贸易' || i %% 500 || '号公司',
                               'followUsers', jsonb_build_array(jsonb_build_object(
                                   'userId', 'owner-' || i %% 200, 'remark', '展会客户' || i))) end
                    from generate_series(%d, 1, -1) i,
                         lateral (select now() - i * (interval '90 days' / %d) as created) c""".formatted(LEADS,
                    LEADS));
            // Another tenant's leads, so the tenant filter is real work.
            step(sql, "other tenant's leads", """
                    insert into lead (lead_id, tenant_id, contact_kind, contact_id, channel, owner_user_id, pool,
                        intent_counts, first_seen_at, last_seen_at, created_at)
                    select md5('bench-other-' || i)::uuid::text, 'other', 'api', 'api:other-' || i, 'api',
                           'owner-' || i % 200, 'pool-' || i % 5, '{"quote": 1}', now() - i * interval '1 minute',
                           now() - i * interval '1 minute', now() - i * interval '1 minute'
                    from generate_series(20000, 1, -1) i""");
            // 1 M tagged messages over the 90 days, ten per lead (lead 42 also gets every thousandth), in the form
            // the worker leaves them: payload as the ingestion API stores it, intents, tagging explanation.
            step(sql, "tagged inbox rows", """
                    insert into inbox_message (tenant_id, callback_name, source, dedupe_key, contact_key, msg_type,
                        from_user, msg_id, created_at_source, content_length, payload, received_at, status, attempts,
                        processed_at, intents, rule_set_version, tagging, outcome)
                    select 'demo', '', 'api', 'api|api|bench-m' || m, 'api:api:bench-' || l, 'text', 'bench-' || l,
                           'bench-m' || m, at, char_length(v.text),
                           json_build_object('contactId', 'bench-' || l, 'messageId', 'bench-m' || m,
                               'text', v.text, 'sentAt', at, 'ownerUserId', 'owner-' || l %% 200, 'channel', 'api',
                               'contactKind', 'api', 'sentBy', 'bench')::text,
                           at, 'done', 1, at, v.intents, 1, v.tagging, '{}'
                    from generate_series(1, %d) m,
                         lateral (select case when m %% 1000 = 0 then %d else 1 + m %% %d end as l,
                                         now() - (%d - m) * (interval '90 days' / %d) as at) x,
                         lateral (select * from (values
                             (0, '你好，能给个报价吗？', array['quote'],
                              '{"intents":["quote"],"matches":[{"intent":"quote","keyword":"报价","text":"报价","start":5,"end":7}],"suppressed":[],"ruleSetVersion":1}'),
                             (1, '可以先寄两个样品吗', array['sample'],
                              '{"intents":["sample"],"matches":[{"intent":"sample","keyword":"样品","text":"样品","start":6,"end":8}],"suppressed":[],"ruleSetVersion":1}'),
                             (2, '多少钱一台？想做你们的区域代理', array['quote', 'agency'],
                              '{"intents":["quote","agency"],"matches":[{"intent":"quote","keyword":"多少钱","text":"多少钱","start":0,"end":3},{"intent":"agency","keyword":"代理","text":"代理","start":13,"end":15}],"suppressed":[],"ruleSetVersion":1}'))
                             as t(variant, text, intents, tagging) where variant = m %% 3) v"""
                    .formatted(MESSAGES, BUSY_LEAD, LEADS, MESSAGES, MESSAGES));
            step(sql, "published-event records", """
                    insert into lead_event_published (event_id, lead_id, type, event_time, published_at)
                    select 'bench-e' || m.id, md5('bench-lead-' || substr(m.contact_key, 15))::uuid::text,
                           'lead.intent-tagged.v1', m.received_at,
                           m.received_at + (8 + m.id % 40) * interval '1 millisecond'
                    from inbox_message m where m.tenant_id = 'demo'""");
            // The counters those rows imply, folded into shard 0 as the compaction leaves closed hours.
            step(sql, "hourly counters: messages tagged", """
                    insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value)
                    select 'demo', date_trunc('hour', m.received_at, 'UTC'), 'messages_tagged', d.dimension, d.key, 0,
                           count(*)
                    from inbox_message m
                    join lead l on l.lead_id = md5('bench-lead-' || substr(m.contact_key, 15))::uuid::text
                    cross join lateral (select '' as dimension, '' as key
                                        union all select 'intent', unnest(m.intents)
                                        union all select 'keyword', match ->> 'keyword'
                                                  from jsonb_array_elements(cast(m.tagging as jsonb) -> 'matches') match
                                        union all select 'pool', l.pool
                                        union all select 'channel', l.channel) d
                    where m.tenant_id = 'demo'
                    group by 2, 4, 5""");
            step(sql, "hourly counters: leads created", """
                    insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value)
                    select tenant_id, date_trunc('hour', created_at, 'UTC'), 'leads_created', d.dimension, d.key, 0,
                           count(*)
                    from lead
                    cross join lateral (values ('', ''), ('intent', 'quote'), ('pool', pool), ('channel', channel))
                        as d(dimension, key)
                    where tenant_id = 'demo'
                    group by 1, 2, 4, 5""");
            step(sql, "hourly counters: capture latency and alerts", """
                    insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value)
                    select 'demo', date_trunc('hour', event_time, 'UTC'), 'capture_latency', 'bucket',
                           floor(8 * log(2.0, greatest(cast(extract(epoch from published_at - event_time) * 1000
                                                            as numeric), 1)))::int::text, 0, count(*)
                    from lead_event_published where event_id like 'bench-e%'
                    group by 2, 5
                    union all
                    select 'demo', date_trunc('hour', created_at, 'UTC'), 'alerts_sent', '', '', 0, count(*)
                    from lead where tenant_id = 'demo' and owner_user_id is not null
                    group by 2""");
            // The last two hours as live writers leave them: split over 8 connections' shards, not folded yet.
            step(sql, "live shards", """
                    with recent as (
                        delete from lead_stats_hourly where tenant_id = 'demo' and shard = 0
                          and hour >= date_trunc('hour', now(), 'UTC') - interval '1 hour'
                        returning *)
                    insert into lead_stats_hourly (tenant_id, hour, measure, dimension, key, shard, value)
                    select tenant_id, hour, measure, dimension, key, s, value / 8 + case when s < value % 8 then 1 else 0 end
                    from recent, generate_series(0, 7) s
                    where value / 8 + case when s < value % 8 then 1 else 0 end > 0""");
            step(sql, "vacuum analyze", "vacuum analyze");
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        try (Statement sql = db.createStatement()) {
            return ("Seeded in %d s: %s leads (+ %s of another tenant), %s tagged inbox rows, %s published-event "
                    + "records, %s counter rows; database %s.").formatted(seconds,
                    count(sql, "select count(*) from lead where tenant_id = 'demo'"),
                    count(sql, "select count(*) from lead where tenant_id = 'other'"),
                    count(sql, "select count(*) from inbox_message where cardinality(intents) > 0"),
                    count(sql, "select count(*) from lead_event_published"),
                    count(sql, "select count(*) from lead_stats_hourly"),
                    text(sql, "select pg_size_pretty(pg_database_size(current_database()))"));
        }
    }

    private static void step(Statement sql, String what, String statement) throws SQLException {
        long started = System.nanoTime();
        sql.execute(statement);
        LoadHarness.log("seeded " + what + " in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms");
    }

    private static String count(Statement sql, String query) throws SQLException {
        return String.format("%,d", Long.parseLong(text(sql, query)));
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    // ---- measuring -------------------------------------------------------------------------------------------------

    private List<Timing> measure() throws Exception {
        Instant now = Instant.now();
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Map<String, String> queries = new LinkedHashMap<>();
        String stats = "/api/v1/tenants/demo/stats?";
        queries.put("stats, 30 days by hour", stats + "bucket=hour&from=" + day.minus(30, ChronoUnit.DAYS) + "&to="
                + day);
        queries.put("stats, 30 days by day (Asia/Shanghai)", stats + "bucket=day&zone=Asia/Shanghai&from="
                + day.minus(30, ChronoUnit.DAYS) + "&to=" + day);
        queries.put("stats, 92 days by day", stats + "bucket=day&from=" + day.minus(92, ChronoUnit.DAYS) + "&to="
                + day);
        String leads = "/api/v1/tenants/demo/leads?";
        queries.put("leads, no filter", leads);
        queries.put("leads, intent=quote (every lead)", leads + "intent=quote");
        queries.put("leads, intent=agency (1 in 10)", leads + "intent=agency");
        queries.put("leads, intent=rare_custom (1 in 1,000)", leads + "intent=rare_custom");
        queries.put("leads, intent=unknown (none)", leads + "intent=never_tagged");
        queries.put("leads, pool", leads + "pool=pool-3");
        queries.put("leads, owner", leads + "owner=owner-17");
        queries.put("leads, channel", leads + "channel=wecom-kf");
        queries.put("leads, created in a week 60 days ago", leads + "createdFrom=" + day.minus(60, ChronoUnit.DAYS)
                + "&createdTo=" + day.minus(53, ChronoUnit.DAYS));
        queries.put("leads, seen in the last day", leads + "seenFrom=" + now.minus(1, ChronoUnit.DAYS));
        queries.put("leads, last seen over 80 days ago", leads + "seenTo=" + now.minus(80, ChronoUnit.DAYS));
        queries.put("leads, q common (\"李伟\", 1 in 64)", leads + "q=" + encode("李伟"));
        queries.put("leads, q rare (one remark)", leads + "q=" + encode("展会客户77777"));
        queries.put("leads, 200 per page", leads + "limit=200");
        queries.put("leads, page 20 (cursor)", leads + "cursor=" + cursorOfPage(leads, 20));
        queries.put("lead detail, 10 messages", "/api/v1/tenants/demo/leads/" + leadId(77));
        queries.put("lead detail, 1,010 messages (latest 500 shown)", "/api/v1/tenants/demo/leads/"
                + leadId(BUSY_LEAD));
        List<Timing> timings = new ArrayList<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            timings.add(time(query.getKey(), query.getValue()));
            LoadHarness.log(timings.get(timings.size() - 1).row());
        }
        return timings;
    }

    private Timing time(String name, String path) throws Exception {
        int size = 0;
        for (int i = 0; i < WARMUP; i++) {
            size = get(path).length();
        }
        long[] millis = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long started = System.nanoTime();
            get(path);
            millis[i] = Duration.ofNanos(System.nanoTime() - started).toMillis();
        }
        Arrays.sort(millis);
        boolean targeted = name.startsWith("stats, 30") || name.startsWith("leads, ") && !name.contains("200 per")
                && !name.contains("page 20");
        return new Timing(name, millis, size, targeted);
    }

    /** The plan of the stats' one query (30 days by day), beside the report: where its time goes in PostgreSQL. */
    private void explainStats(Connection db) throws Exception {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        StringBuilder starts = new StringBuilder("{");
        for (int i = 30; i > 0; i--) {
            starts.append(i == 30 ? "" : ",").append(day.minus(i, ChronoUnit.DAYS));
        }
        String explain = """
                explain (analyze, buffers) select width_bucket(hour, '%s}'::timestamptz[]), measure, dimension, key,
                    sum(value)::bigint from lead_stats_hourly
                where tenant_id = 'demo' and hour >= '%s' and hour < '%s' group by 1, measure, dimension, key"""
                .formatted(starts, day.minus(30, ChronoUnit.DAYS), day);
        StringBuilder plan = new StringBuilder();
        try (Statement sql = db.createStatement(); var rows = sql.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        Files.writeString(runDirectory.resolve("stats-plan.txt"), plan);
        LoadHarness.log("stats query plan (30 days by day):\n" + plan);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + adminToken).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String cursorOfPage(String leads, int page) throws Exception {
        String cursor = null;
        for (int i = 1; i < page; i++) {
            JsonNode answer = JSON.readTree(get(leads + (cursor == null ? "" : "cursor=" + cursor)));
            cursor = answer.path("nextCursor").asText();
        }
        return cursor;
    }

    /** The seeded lead's id, as the seeding derived it: md5('bench-lead-<n>') as a UUID. */
    private static String leadId(int lead) throws Exception {
        return md5Uuid("bench-lead-" + lead);
    }

    private static String md5Uuid(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record Timing(String name, long[] millis, int bytes, boolean targeted) {
        long p50() {
            return millis[millis.length / 2];
        }

        long p95() {
            return millis[(int) Math.ceil(millis.length * 0.95) - 1];
        }

        long max() {
            return millis[millis.length - 1];
        }

        String row() {
            return "| %s | %d | %d | %d | %,d | %s |".formatted(name, p50(), p95(), max(), bytes,
                    !targeted ? "—" : p95() <= TARGET.toMillis() ? "met" : "**NOT met**");
        }
    }

    private static String report(String machine, String seeded, List<Timing> timings) {
        StringBuilder report = new StringBuilder("Leads API read benchmark (issue 22). ").append(machine).append('\n')
                .append(seeded).append('\n').append("Each query: ").append(WARMUP).append(" warm-up requests, then ")
                .append(TIMED).append(" timed ones in a row over HTTP (one client), milliseconds.\n\n")
                .append("| query | p50 | p95 | max | answer bytes | ≤ 200 ms (p95) |\n|---|---|---|---|---|---|\n");
        timings.forEach(timing -> report.append(timing.row()).append('\n'));
        return report.toString();
    }
}
