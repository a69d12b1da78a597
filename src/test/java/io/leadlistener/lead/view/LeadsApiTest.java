package io.leadlistener.lead.view;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leads API over HTTP on real PostgreSQL and Kafka: live messages through ingestion become leads with timelines
 * and count in the stats; seeded leads answer every filter and page without duplicates or gaps while new ones arrive.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class LeadsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A window in the past no live traffic reaches, so seeded leads are all a filter can find there. */
    private static final Instant SEEDED = Instant.parse("2019-03-01T00:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    private InboxRows db;
    private SeededLeads seeded;

    @BeforeEach
    void setUp() {
        db = new InboxRows(dataSource);
        seeded = new SeededLeads(db);
    }

    @Test
    void aLiveMessageBecomesALeadWithItsTimeline() {
        String contact = "c-" + UUID.randomUUID();
        String owner = "o-" + UUID.randomUUID().toString().substring(0, 8);
        ingest("demo", "test-ingest-token", contact, "m1-" + contact, owner, "你好，能给个报价吗？");
        ingest("demo", "test-ingest-token", contact, "m2-" + contact, owner, "在吗");
        ingest("demo", "test-ingest-token", contact, "m3-" + contact, owner, "可以先寄样品吗");
        String leadId = LeadIds.leadId("demo", "api", "api:" + contact);

        JsonNode lead = await().atMost(WAIT).until(() -> onlyLead("demo", "owner=" + owner),
                found -> found != null && found.path("intents").size() == 2);
        assertThat(lead.path("leadId").asText()).isEqualTo(leadId);
        assertThat(lead.path("contact")).isEqualTo(JSON.createObjectNode().put("id", "api:" + contact)
                .put("kind", "api").put("key", "api:api:" + contact));
        assertThat(lead.at("/owner/userId").asText()).isEqualTo(owner);
        assertThat(lead.path("channel").asText()).isEqualTo("api");
        assertThat(lead.path("pool").asText()).isNotBlank();
        assertThat(lead.path("intents").toString()).isEqualTo("{\"quote\":1,\"sample\":1}");
        assertThat(lead.at("/lastTagged/messageId").asText()).isEqualTo("m3-" + contact);
        assertThat(lead.at("/lastTagged/text").asText()).isEqualTo("可以先寄样品吗");
        assertThat(lead.at("/lastTagged/intents").toString()).isEqualTo("[\"sample\"]");
        assertThat(lead.at("/lastTagged").has("textAbsent")).isFalse();
        JsonNode lastMatch = lead.at("/lastTagged/matches/0");
        assertThat(lastMatch.path("intent").asText()).isEqualTo("sample");
        assertThat(lastMatch.path("text").asText()).as("highlightable in the line").isEqualTo(
                "可以先寄样品吗".substring(lastMatch.path("start").asInt(), lastMatch.path("end").asInt()));

        JsonNode detail = await().atMost(WAIT).until(() -> detail("demo", leadId),
                found -> count(found, "event") == 3);
        assertThat(detail.path("lead").path("leadId").asText()).isEqualTo(leadId);
        assertThat(detail.path("timelineTruncated").asBoolean()).isFalse();
        List<JsonNode> timeline = list(detail.path("timeline"));
        List<JsonNode> messages = timeline.stream().filter(entry -> entry.path("kind").asText().equals("message"))
                .toList();
        assertThat(messages).as("the untagged 在吗 is not part of it").hasSize(2);
        assertThat(messages.get(0).path("messageId").asText()).isEqualTo("m1-" + contact);
        assertThat(messages.get(0).path("text").asText()).isEqualTo("你好，能给个报价吗？");
        assertThat(messages.get(0).path("intents").toString()).isEqualTo("[\"quote\"]");
        assertThat(messages.get(0).path("ruleSetVersion").isIntegralNumber()).isTrue();
        JsonNode match = messages.get(0).path("matches").get(0);
        assertThat(match.path("intent").asText()).isEqualTo("quote");
        assertThat(match.path("text").asText()).isEqualTo(
                "你好，能给个报价吗？".substring(match.path("start").asInt(), match.path("end").asInt()));
        assertThat(messages.get(1).path("messageId").asText()).isEqualTo("m3-" + contact);
        List<String> events = timeline.stream().filter(entry -> entry.path("kind").asText().equals("event"))
                .map(entry -> entry.path("type").asText()).toList();
        assertThat(events).containsExactly("lead.created.v1", "lead.intent-tagged.v1", "lead.intent-tagged.v1");
        List<Instant> times = timeline.stream().map(entry -> Instant.parse(entry.path("at").asText())).toList();
        assertThat(times).as("oldest first").isSorted();
        assertThat(Instant.parse(timeline.get(0).path("at").asText()))
                .as("the first message opens it").isEqualTo(Instant.parse(messages.get(0).path("at").asText()));

        // The outbox may delete published rows early: the timeline keeps its events.
        assertThat(db.update("delete from outbox_event where aggregateid = ? and published_at is not null", leadId))
                .isEqualTo(3);
        assertThat(count(detail("demo", leadId), "event")).isEqualTo(3);
    }

    @Test
    void aTenantWithoutMessageTextShowsNoneAndItsStatsCountEachMessageOnce() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String window = "from=" + hour.minus(1, ChronoUnit.HOURS) + "&to=" + hour.plus(2, ChronoUnit.HOURS);
        JsonNode before = stats("hushed", window + "&bucket=hour").path("totals");
        String contact = "h-" + UUID.randomUUID();
        ingest("hushed", "test-hushed-ingest-token", contact, "h1-" + contact, "hush-owner", "报价多少？能寄样品吗");
        ingest("hushed", "test-hushed-ingest-token", contact, "h2-" + contact, "hush-owner", "想做你们的区域代理");
        ingest("hushed", "test-hushed-ingest-token", contact, "h3-" + contact, "hush-owner", "谢谢");
        String leadId = LeadIds.leadId("hushed", "api", "api:" + contact);

        JsonNode detail = await().atMost(WAIT).until(() -> detail("hushed", leadId),
                found -> count(found, "event") == 3);
        JsonNode lead = detail.path("lead");
        assertThat(lead.at("/lastTagged/text").isMissingNode()).isTrue();
        assertThat(lead.at("/lastTagged/textAbsent").asText()).isEqualTo("not-included");
        assertThat(lead.at("/lastTagged/messageId").asText()).isEqualTo("h2-" + contact);
        assertThat(lead.at("/lastTagged/matches/0/keyword").asText()).isNotBlank();
        assertThat(lead.at("/lastTagged/matches/0").has("text")).isFalse();
        for (JsonNode entry : detail.path("timeline")) {
            if (entry.path("kind").asText().equals("message")) {
                assertThat(entry.has("text")).isFalse();
                assertThat(entry.path("textAbsent").asText()).isEqualTo("not-included");
                assertThat(entry.path("matches").size()).isPositive();
                entry.path("matches").forEach(match -> {
                    assertThat(match.has("text")).as("the customer's words in %s", match).isFalse();
                    assertThat(match.path("keyword").asText()).isNotBlank();
                });
            }
        }
        assertThat(detail.toString()).doesNotContain("报价多少", "区域代理");

        JsonNode after = await().atMost(WAIT).until(() -> stats("hushed", window + "&bucket=hour").path("totals"),
                totals -> totals.at("/captureLatencyMs/count").asLong() == before.at("/captureLatencyMs/count")
                        .asLong() + 2);
        assertThat(delta(before, after, "/messagesTagged/total")).isEqualTo(2);
        assertThat(delta(before, after, "/messagesTagged/byIntent/quote")).isEqualTo(1);
        assertThat(delta(before, after, "/messagesTagged/byIntent/sample")).isEqualTo(1);
        assertThat(delta(before, after, "/messagesTagged/byIntent/agency")).isEqualTo(1);
        assertThat(delta(before, after, "/messagesTagged/byChannel/api")).isEqualTo(2);
        assertThat(delta(before, after, "/leadsCreated/total")).isEqualTo(1);
        assertThat(delta(before, after, "/leadsCreated/byIntent/quote")).isEqualTo(1);
        assertThat(delta(before, after, "/leadsCreated/byIntent/agency")).as("not the creating message's").isZero();
        java.util.Map<String, Long> keywords = new java.util.TreeMap<>();
        detail.path("timeline").forEach(entry -> list(entry.path("matches")).stream()
                .map(match -> match.path("keyword").asText()).distinct()
                .forEach(keyword -> keywords.merge(keyword, 1L, Long::sum)));
        assertThat(keywords).isNotEmpty();
        keywords.forEach((keyword, times) -> assertThat(
                after.path("messagesTagged").path("byKeyword").path(keyword).asLong()
                        - before.path("messagesTagged").path("byKeyword").path(keyword).asLong())
                .as("keyword %s", keyword).isEqualTo(times));
        assertThat(after.at("/leadsCreated").has("byKeyword")).isFalse();
        assertThat(after.at("/captureLatencyMs/p50").asDouble()).isPositive();
        assertThat(after.at("/captureLatencyMs/p95").asDouble())
                .isGreaterThanOrEqualTo(after.at("/captureLatencyMs/p50").asDouble());
    }

    @Test
    void eachFilterFindsExactlyItsLeads() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant day = SEEDED.plus(Math.abs(tag.hashCode() % 300), ChronoUnit.DAYS);
        String a = seeded.lead("demo", "fa-" + tag, "ow-a-" + tag, "pool-a-" + tag, "wecom-kf", "quote",
                day, day.plus(5, ChronoUnit.HOURS), "欧阳" + tag);
        String b = seeded.lead("demo", "fb-" + tag, "ow-b-" + tag, "pool-b-" + tag, "api", "sample",
                day.plus(1, ChronoUnit.HOURS), day.plus(1, ChronoUnit.HOURS), null);
        String c = seeded.lead("demo", "fc-" + tag, "ow-a-" + tag, "pool-b-" + tag, "wecom-kf", "intent-" + tag,
                day.plus(2, ChronoUnit.HOURS), day.plus(2, ChronoUnit.HOURS), "Ouyang " + tag.toUpperCase());
        String created = "createdFrom=" + day + "&createdTo=" + day.plus(3, ChronoUnit.HOURS);

        assertThat(ids("demo", created)).containsExactly(c, b, a);
        assertThat(ids("demo", "owner=ow-a-" + tag)).containsExactly(c, a);
        assertThat(ids("demo", "pool=pool-b-" + tag)).containsExactly(c, b);
        assertThat(ids("demo", "intent=intent-" + tag)).containsExactly(c);
        assertThat(ids("demo", created + "&intent=quote")).containsExactly(a);
        assertThat(ids("demo", created + "&channel=wecom-kf")).containsExactly(c, a);
        assertThat(ids("demo", "createdFrom=" + day.plus(1, ChronoUnit.HOURS) + "&createdTo="
                + day.plus(2, ChronoUnit.HOURS))).as("half-open").containsExactly(b);
        assertThat(ids("demo", created + "&seenFrom=" + day.plus(2, ChronoUnit.HOURS))).containsExactly(c, a);
        assertThat(ids("demo", created + "&seenTo=" + day.plus(2, ChronoUnit.HOURS))).containsExactly(b);
        assertThat(ids("demo", "q=欧阳" + tag)).containsExactly(a);
        assertThat(ids("demo", "q=OUYANG " + tag)).as("case-insensitive").containsExactly(c);
        assertThat(ids("demo", "q=ow-a-" + tag)).as("a salesperson's remark").containsExactly(c, a);
        assertThat(ids("demo", "q=" + tag + "%")).as("% is a character, not a wildcard").isEmpty();
        assertThat(ids("lab", "owner=ow-a-" + tag)).as("another tenant's").isEmpty();

        JsonNode first = onlyLead("demo", "pool=pool-a-" + tag);
        assertThat(first.path("name").asText()).isEqualTo("欧阳" + tag);
        assertThat(first.path("lastTagged").isNull()).as("seeded without messages").isTrue();
        assertThat(first.path("createdAt").asText()).isEqualTo(day.toString());
        assertThat(first.path("routing").toString()).isEqualTo("{\"intent\":\"quote\",\"version\":1}");
    }

    @Test
    void pagesHaveNoDuplicatesOrGapsWhileNewLeadsArrive() {
        String pool = "paging-" + UUID.randomUUID();
        List<String> existing = new ArrayList<>();
        IntStream.range(0, 23).forEach(i -> existing.add(0, seeded.lead("demo", pool + "-" + i, "pager", pool,
                "api", "quote", SEEDED, SEEDED, null)));
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = leads("demo", "pool=" + pool + "&limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(item -> walked.add(item.path("leadId").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
            // Two leads arrive between every two pages: they sort above the walk and never shift it.
            seeded.lead("demo", pool + "-new-" + pages + "a", "pager", pool, "api", "quote", SEEDED, SEEDED, null);
            seeded.lead("demo", pool + "-new-" + pages + "b", "pager", pool, "api", "quote", SEEDED, SEEDED, null);
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(walked).as("newest first, each once").containsExactlyElementsOf(existing);
        JsonNode everything = leads("demo", "pool=" + pool + "&limit=200");
        assertThat(everything.path("items").size()).isEqualTo(23 + 2 * 5);
        assertThat(everything.path("nextCursor").isNull()).isTrue();
        assertThat(leads("demo", "pool=" + pool + "&limit=33").path("nextCursor").isNull())
                .as("a full last page has no next").isTrue();
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        assertBadRequest("/api/v1/tenants/demo/leads?state=open", "state");
        assertBadRequest("/api/v1/tenants/demo/leads?createdFrom=2026-12-01", "createdFrom");
        assertBadRequest("/api/v1/tenants/demo/leads?seenTo=soon", "seenTo");
        assertBadRequest("/api/v1/tenants/demo/leads?limit=0", "limit");
        assertBadRequest("/api/v1/tenants/demo/leads?limit=201", "limit");
        assertBadRequest("/api/v1/tenants/demo/leads?cursor=abc", "cursor");
        assertBadRequest("/api/v1/tenants/demo/leads?channel=fax", "channel");
        assertBadRequest("/api/v1/tenants/demo/leads/any-lead?verbose=true", "verbose");
        assertBadRequest("/api/v1/tenants/demo/stats?from=2026-01-01T00:00:00Z&to=2026-04-03T00:00:01Z", "to");
        assertBadRequest("/api/v1/tenants/demo/stats?to=2026-04-03T00:00:00Z", "from");
        assertBadRequest("/api/v1/tenants/demo/stats?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"
                + "&bucket=week", "bucket");
        assertBadRequest("/api/v1/tenants/demo/stats?from=2026-01-01T00:00:00Z&to=x", "to");
    }

    @Test
    void viewersReadTheirTenantsOnlyAndUnknownLeadsAre404() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String labLead = seeded.lead("lab", "lab-" + tag, "lab-owner", "lab-pool", "api", "quote", SEEDED, SEEDED,
                null);
        given().when().get("/api/v1/tenants/demo/leads").then().statusCode(401);
        given().auth().oauth2("test-lab-operator-token").when().get("/api/v1/tenants/demo/leads").then()
                .statusCode(403);
        given().auth().oauth2("test-lab-operator-token").when().get("/api/v1/tenants/demo/stats?from="
                + SEEDED + "&to=" + SEEDED.plus(1, ChronoUnit.DAYS)).then().statusCode(403);
        given().auth().oauth2("test-demo-viewer-token").when().get("/api/v1/tenants/demo/leads?limit=1").then()
                .statusCode(200);
        asAdmin().get("/api/v1/tenants/demo/leads/" + labLead).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.containsString("has no lead"));
        asAdmin().get("/api/v1/tenants/demo/leads/no-such-lead").then().statusCode(404);
        asAdmin().get("/api/v1/tenants/lab/leads/" + labLead).then().statusCode(200);
        asAdmin().get("/api/v1/tenants/unknown-tenant/leads").then().statusCode(404);
    }

    // ---- helpers

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2("test-admin-token").when();
    }

    private static void ingest(String tenant, String token, String contact, String messageId, String owner,
                               String text) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "contactId", contact, "messageId", messageId, "ownerUserId", owner,
                        "text", text))
                .when().post("/api/v1/messages").then().statusCode(202);
    }

    private static JsonNode leads(String tenant, String query) {
        return read(asAdmin().get("/api/v1/tenants/" + tenant + "/leads?" + query).then().statusCode(200)
                .extract().asString());
    }

    private static List<String> ids(String tenant, String query) {
        List<String> ids = new ArrayList<>();
        leads(tenant, query).path("items").forEach(item -> ids.add(item.path("leadId").asText()));
        return ids;
    }

    private static JsonNode onlyLead(String tenant, String query) {
        JsonNode items = leads(tenant, query).path("items");
        assertThat(items.size()).isLessThanOrEqualTo(1);
        return items.size() == 1 ? items.get(0) : null;
    }

    private static JsonNode detail(String tenant, String leadId) {
        return read(asAdmin().get("/api/v1/tenants/" + tenant + "/leads/" + leadId).then().statusCode(200)
                .extract().asString());
    }

    private static JsonNode stats(String tenant, String query) {
        return read(asAdmin().get("/api/v1/tenants/" + tenant + "/stats?" + query).then().statusCode(200)
                .extract().asString());
    }

    private static long count(JsonNode detail, String kind) {
        return list(detail.path("timeline")).stream().filter(entry -> entry.path("kind").asText().equals(kind))
                .count();
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong() - before.at(pointer).asLong();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> entries = new ArrayList<>();
        array.forEach(entries::add);
        return entries;
    }

    private static void assertBadRequest(String path, String field) {
        JsonNode problem = read(asAdmin().get(path).then().statusCode(400).extract().asString());
        assertThat(problem.path("errors").toString()).as(path).contains("\"field\":\"" + field + "\"");
        assertThat(problem.path("detail").asText()).as(path).startsWith(field + ": ");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
