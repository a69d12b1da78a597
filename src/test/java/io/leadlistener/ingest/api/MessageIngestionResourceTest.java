package io.leadlistener.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.EventSchemas;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ingestion API: durability before 2xx, idempotency, every refusal, and messages reaching Kafka as leads. */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class MessageIngestionResourceTest {

    private static final String DEMO_TOKEN = "test-ingest-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String message(String tenant, String contactId, String messageId, String text) {
        return """
                {"tenant": "%s", "contactId": "%s", "messageId": "%s", "text": "%s"}"""
                .formatted(tenant, contactId, messageId, text);
    }

    private long rows(String messageId) {
        return new InboxRows(dataSource).countWhere("source = 'api' and msg_id = ?", messageId);
    }

    @Test
    void aMessageIsStoredBeforeTheAnswerAndARepeatStoresNothingNew() {
        String messageId = unique("m");
        String body = message("demo", unique("c"), messageId, "你好，想了解一下价格");

        as(DEMO_TOKEN).body(body).when().post("/api/v1/messages").then().statusCode(202)
                .body("messageId", equalTo(messageId)).body("status", equalTo("accepted"));
        assertThat(rows(messageId)).isEqualTo(1);

        as(DEMO_TOKEN).body(body).when().post("/api/v1/messages").then().statusCode(200)
                .body("status", equalTo("duplicate"));
        assertThat(rows(messageId)).isEqualTo(1);
    }

    @Test
    void anArchivedMessageBecomesAnApiLeadOnKafka() {
        String contact = unique("cust");
        String messageId = unique("m");
        String leadId = LeadIds.leadId("demo", "api", "archive:" + contact);
        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            as(DEMO_TOKEN).body("""
                            {"tenant": "demo", "contactId": "%s", "messageId": "%s", "text": "能寄几个样品吗？",
                             "sentAt": "2026-11-23T08:00:00+08:00", "ownerUserId": "zhangsan", "channel": "archive"}"""
                            .formatted(contact, messageId))
                    .when().post("/api/v1/messages").then().statusCode(202);

            List<Received> events = consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
            assertThat(events).extracting(Received::type).containsExactly("lead.created.v1", "lead.intent-tagged.v1");
            Received tagged = events.get(1);
            EventSchemas.assertValid(tagged.raw());
            assertThat(tagged.event().path("source").asText()).isEqualTo("/tenants/demo/api");
            assertThat(tagged.data().path("contact").path("kind").asText()).isEqualTo("api");
            assertThat(tagged.data().path("contact").path("id").asText()).isEqualTo("archive:" + contact);
            assertThat(tagged.data().path("owner").path("userId").asText()).isEqualTo("zhangsan");
            assertThat(tagged.data().path("intents").toString()).isEqualTo("[\"sample\"]");
            assertThat(tagged.data().path("pool").asText()).isEqualTo("sample-desk");
            assertThat(tagged.data().path("message").path("id").asText()).isEqualTo("archive:" + messageId);
            assertThat(Instant.parse(tagged.data().path("message").path("sentAt").asText()))
                    .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        }
        // "Why was this tagged?" works for ingested messages too (their payload is JSON, not WeCom XML).
        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/messages/" + messageId)
                .then().statusCode(200).body("text", equalTo("能寄几个样品吗？"))
                .body("intents[0]", equalTo("sample"));
    }

    @Test
    void anExternalContactsMessageJoinsTheLeadItsContactEventCreated() {
        String customer = "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String leadId = LeadIds.leadId("demo", "external", customer);
        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            SignedCallback added = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, WeComSimulator.DEMO_CORP_ID,
                    WeComSimulator.contactEvent("add_external_contact", "zhangsan", customer, "expo2026",
                            Instant.now().getEpochSecond()), Instant.now().getEpochSecond());
            given().queryParams(added.queryParameters()).body(added.envelopeXml("1000002"))
                    .when().post("/wecom/callback/demo/contacts").then().statusCode(200);
            consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 1, WAIT);

            as(DEMO_TOKEN).body("""
                            {"tenant": "demo", "contactId": "%s", "messageId": "%s", "text": "想做你们的区域代理",
                             "contactKind": "external"}""".formatted(customer, unique("m")))
                    .when().post("/api/v1/messages").then().statusCode(202);

            consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
            List<Received> events = consumer.forLead(leadId, Duration.ofSeconds(2));
            assertThat(events).extracting(Received::type).containsExactly("lead.created.v1", "lead.intent-tagged.v1");
            assertThat(events.get(1).data().path("contact").path("kind").asText()).isEqualTo("external");
            assertThat(events.get(1).data().path("pool").asText()).isEqualTo("channel-partners");
        }
    }

    @Test
    void tokensAreCheckedBeforeTheBodyAndPerTenantAfterIt() {
        String body = message("demo", unique("c"), unique("m"), "报价");

        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/messages").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        as("no-such-token").body(body).when().post("/api/v1/messages").then().statusCode(401)
                .body("detail", containsString("not an ingestion token"));
        as("test-admin-token").body(body).when().post("/api/v1/messages").then().statusCode(401);
        as("test-lab-ingest-token").body(body).when().post("/api/v1/messages").then().statusCode(403)
                .body("detail", containsString("tenant 'demo'"));
        as(DEMO_TOKEN).body(message("nosuch", "c", unique("m"), "报价")).when().post("/api/v1/messages").then()
                .statusCode(404).body("detail", containsString("no tenant 'nosuch'"));
        as("test-shared-ingest-token").body(message("lab", unique("c"), unique("m"), "报价"))
                .when().post("/api/v1/messages").then().statusCode(202);
        as("test-shared-ingest-token").body(body).when().post("/api/v1/messages").then().statusCode(202);
    }

    @Test
    void badMessagesAreRefusedNamingEveryFieldAndNothingIsStored() {
        String messageId = unique("bad");

        as(DEMO_TOKEN).body("{\"tenant\": \"demo\", ").when().post("/api/v1/messages").then().statusCode(400)
                .contentType("application/problem+json");
        as(DEMO_TOKEN).body("{}").when().post("/api/v1/messages").then().statusCode(400)
                .body("errors.field", hasItems("tenant", "contactId", "messageId", "text"))
                .body("detail", containsString("text: is required"));
        as(DEMO_TOKEN).body("""
                        {"tenant": "demo", "contactId": 42, "messageId": "%s", "text": ["报价"], "sentAt": "yesterday",
                         "channel": "Web Chat", "contactKind": "internal", "messageID": "x"}""".formatted(messageId))
                .when().post("/api/v1/messages").then().statusCode(400)
                .body("errors.field", hasItems("contactId", "text", "sentAt", "channel", "contactKind", "messageID"))
                .body("detail", containsString("contactId: must be a string, not a number"))
                .body("detail", containsString("'yesterday' is not an ISO-8601 date-time"));
        as(DEMO_TOKEN).body(message("demo", "c", messageId, "  ")).when().post("/api/v1/messages").then()
                .statusCode(400).body("detail", containsString("text: must not be blank"));
        as(DEMO_TOKEN).body(message("demo", "c", messageId, "价".repeat(4_001))).when().post("/api/v1/messages")
                .then().statusCode(400).body("detail", containsString("4001 characters (Unicode code points)"));
        as(DEMO_TOKEN).body("[1, 2]").when().post("/api/v1/messages").then().statusCode(400);
        assertThat(rows(messageId)).isZero();

        as(DEMO_TOKEN).body(message("demo", "c", messageId, "😀".repeat(4_000))).when().post("/api/v1/messages")
                .then().statusCode(202);
    }

    @Test
    void theSameMessageTwiceInOneBatchIsStoredOnceAndTheSecondIsADuplicate() {
        String repeated = unique("twice");
        String other = unique("once");
        String batch = "[" + message("demo", "twice-contact", repeated, "报价单发我一下") + ", "
                + message("demo", "twice-contact", other, "能寄样品吗") + ", "
                + message("demo", "twice-contact", repeated, "报价单发我一下") + "]";

        as(DEMO_TOKEN).body(batch).when().post("/api/v1/messages/batch").then().statusCode(202)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1))
                .body("items.status", equalTo(List.of("accepted", "accepted", "duplicate")));
        assertThat(rows(repeated)).isEqualTo(1);
        assertThat(rows(other)).isEqualTo(1);
    }

    @Test
    void aBatchIsAllOrNothingWithPerItemErrors() {
        List<String> ids = IntStream.range(0, 3).mapToObj(i -> unique("b")).toList();
        String batch = ids.stream().map(id -> message("demo", "batch-contact", id, "报价单发我一下"))
                .collect(Collectors.joining(",", "{\"messages\": [", "]}"));

        as(DEMO_TOKEN).body(batch).when().post("/api/v1/messages/batch").then().statusCode(202)
                .body("accepted", equalTo(3)).body("duplicates", equalTo(0))
                .body("items.status", equalTo(List.of("accepted", "accepted", "accepted")));
        as(DEMO_TOKEN).body(batch).when().post("/api/v1/messages/batch").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(3));

        String fresh = unique("b");
        String withBadItem = "[" + message("demo", "c", fresh, "报价") + ", {\"tenant\": \"demo\"}, "
                + message("demo", "c", unique("b"), "") + "]";
        as(DEMO_TOKEN).body(withBadItem).when().post("/api/v1/messages/batch").then().statusCode(400)
                .body("errors.index", hasItems(1, 2))
                .body("errors.findAll { it.index == 1 }.field", hasItems("contactId", "messageId", "text"));
        assertThat(rows(fresh)).isZero();

        String forbiddenItem = "[" + message("demo", "c", fresh, "报价") + ", " + message("lab", "c", unique("b"), "报价")
                + "]";
        as(DEMO_TOKEN).body(forbiddenItem).when().post("/api/v1/messages/batch").then().statusCode(403);
        assertThat(rows(fresh)).isZero();

        String tooMany = IntStream.range(0, 501).mapToObj(i -> message("demo", "c", "m" + i, "报价"))
                .collect(Collectors.joining(",", "[", "]"));
        as(DEMO_TOKEN).body(tooMany).when().post("/api/v1/messages/batch").then().statusCode(400)
                .body("detail", containsString("1 to 500 messages, not 501"));
        as(DEMO_TOKEN).body("[]").when().post("/api/v1/messages/batch").then().statusCode(400);
        as(DEMO_TOKEN).body("{\"items\": []}").when().post("/api/v1/messages/batch").then().statusCode(400);

        String huge = "[" + message("demo", "c", unique("b"), "价".repeat(3_000)) + "]";
        String overFourMiB = "[" + String.join(",", java.util.Collections.nCopies(500, message("demo", "c", "x",
                "报".repeat(3_000)))) + "]";
        assertThat(overFourMiB.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(4 << 20);
        as(DEMO_TOKEN).body(overFourMiB).when().post("/api/v1/messages/batch").then().statusCode(413);
        as(DEMO_TOKEN).body(huge).when().post("/api/v1/messages/batch").then().statusCode(202);
    }
}
