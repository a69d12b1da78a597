package io.leadlistener.lead.retag;

import static io.leadlistener.testsupport.RulesAndMessages.admin;
import static io.leadlistener.testsupport.RulesAndMessages.defineIntent;
import static io.leadlistener.testsupport.RulesAndMessages.storeProcessedMessage;
import static io.leadlistener.testsupport.RulesAndMessages.unique;
import static io.leadlistener.testsupport.RulesAndMessages.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.events.EventSchemas;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Re-tag after a publish, through the API and the scheduled worker to Kafka: only messages whose intents changed are
 * announced, with the new rule version; running the same re-tag again announces nothing.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class RetagJobsEndToEndTest {

    private static final String TENANT = "lab";
    private static final String JOBS = "/api/v1/tenants/lab/retag-jobs";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aRetagAnnouncesExactlyTheMessagesWhoseIntentsChangedAndIsIdempotent() {
        String intent = defineIntent(TENANT);
        String keyword = uniqueWord("青瓷");
        String newContact = unique("new-");
        String knownContact = unique("known-");
        String gainsFirstIntent = storeProcessedMessage(TENANT, newContact, "想看看" + keyword);
        String quoteOnly = storeProcessedMessage(TENANT, knownContact, "麻烦报个价");
        String gainsSecondIntent = storeProcessedMessage(TENANT, knownContact, "报个价，顺便问问" + keyword);
        String noIntent = storeProcessedMessage(TENANT, knownContact, "随便聊聊");
        String newLead = LeadIds.leadId(TENANT, "api", "archive:" + newContact);
        String knownLead = LeadIds.leadId(TENANT, "api", "archive:" + knownContact);

        long ruleId = admin().body(Map.of("intent", intent, "kind", "keyword", "keyword", keyword))
                .when().post("/api/v1/tenants/lab/intent-rules?publish=true").then().statusCode(201)
                .extract().jsonPath().getLong("rule.id");
        long version = currentVersion();

        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            JsonPath started = admin().body(Map.of("days", 1)).when().post(JOBS).then().statusCode(202)
                    .header("Location", containsString(JOBS + "/"))
                    .body("status", equalTo("queued")).body("ruleSetVersion", equalTo((int) version))
                    .body("requestedBy", equalTo("test-admin")).body("days", equalTo(1))
                    .extract().jsonPath();
            assertThat(started.getInt("total")).isGreaterThanOrEqualTo(4);
            JsonPath done = awaitEnd(started.getLong("id"));
            assertThat(done.getString("status")).isEqualTo("completed");
            assertThat(done.getInt("processed")).isEqualTo(started.getInt("total"));
            assertThat(done.getInt("changed")).isGreaterThanOrEqualTo(2);

            // The contact that becomes a lead only now: lead.created.v1, then its tagged message.
            List<Received> newLeadEvents = consumer.pollUntil(r -> newLead.equals(r.key()), r -> r.size() >= 2, WAIT);
            assertThat(newLeadEvents).extracting(Received::type)
                    .containsExactly("lead.created.v1", "lead.intent-tagged.v1");
            Received tagged = newLeadEvents.get(1);
            EventSchemas.assertValid(tagged.raw());
            assertThat(tagged.data().path("message").path("id").asText()).isEqualTo("archive:" + gainsFirstIntent);
            assertThat(tagged.data().path("ruleSetVersion").asLong()).isEqualTo(version);
            assertThat(tagged.data().path("intents").toString()).isEqualTo("[\"" + intent + "\"]");

            // The known lead: one new event, for the message that gained an intent; none for the unchanged ones.
            List<Received> atVersion = consumer.pollUntil(r -> knownLead.equals(r.key())
                    && r.data().path("ruleSetVersion").asLong() == version, r -> !r.isEmpty(), WAIT);
            assertThat(atVersion).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo("lead.intent-tagged.v1");
                assertThat(event.data().path("message").path("id").asText())
                        .isEqualTo("archive:" + gainsSecondIntent);
                assertThat(event.data().path("intents").toString()).isEqualTo(
                        List.of(intent, "quote").stream().sorted().map(i -> "\"" + i + "\"").toList().toString()
                                .replace(", ", ","));
            });
            lookup(gainsFirstIntent).body("intents", equalTo(List.of(intent)))
                    .body("ruleSetVersion", equalTo((int) version));
            lookup(noIntent).body("intents", equalTo(List.of())).body("ruleSetVersion", equalTo((int) version));
            lookup(quoteOnly).body("intents", equalTo(List.of("quote")));

            // The same re-tag again: every message already carries the version, nothing is announced twice.
            JsonPath again = awaitEnd(admin().body(Map.of("days", 1)).when().post(JOBS).then().statusCode(202)
                    .extract().jsonPath().getLong("id"));
            assertThat(again.getString("status")).isEqualTo("completed");
            assertThat(again.getInt("total")).isZero();
            assertThat(again.getInt("eventsEmitted")).isZero();

            // Removing the keyword and re-tagging: the message that had only this intent loses it (its stored tags
            // say so; the event type promises an intent, so it is not announced), the other is announced with quote.
            admin().when().delete("/api/v1/tenants/lab/intent-rules/" + ruleId + "?publish=true").then()
                    .statusCode(200);
            long removedIn = currentVersion();
            JsonPath removal = awaitEnd(admin().body(Map.of("days", 1)).when().post(JOBS).then().statusCode(202)
                    .extract().jsonPath().getLong("id"));
            assertThat(removal.getString("status")).isEqualTo("completed");
            assertThat(removal.getInt("changed")).isGreaterThanOrEqualTo(2);
            lookup(gainsFirstIntent).body("intents", equalTo(List.of()))
                    .body("ruleSetVersion", equalTo((int) removedIn));
            List<Received> lost = consumer.pollUntil(r -> knownLead.equals(r.key())
                    && r.data().path("ruleSetVersion").asLong() == removedIn, r -> !r.isEmpty(), WAIT);
            assertThat(lost).singleElement().satisfies(event -> {
                EventSchemas.assertValid(event.raw());
                assertThat(event.data().path("message").path("id").asText())
                        .isEqualTo("archive:" + gainsSecondIntent);
                assertThat(event.data().path("intents").toString()).isEqualTo("[\"quote\"]");
            });
            assertThat(consumer.pollUntil(r -> newLead.equals(r.key())
                    && r.data().path("ruleSetVersion").asLong() == removedIn, r -> false, Duration.ofSeconds(1)))
                    .isEmpty();

            // Nothing was published twice: every event id of these leads is unique.
            List<Received> all = consumer.pollUntil(r -> newLead.equals(r.key()) || knownLead.equals(r.key()),
                    r -> false, Duration.ofSeconds(2));
            assertThat(all).extracting(Received::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void aJobIsListedAndUnknownJobsTenantsAndBadBodiesAreRefused() {
        long id = awaitEnd(admin().body(Map.of("days", 2)).when().post(JOBS).then().statusCode(202)
                .extract().jsonPath().getLong("id")).getLong("id");
        admin().when().get(JOBS).then().statusCode(200).body("[0].id", equalTo((int) id));
        java.util.Map<String, Object> job = admin().when().get(JOBS + "/" + id).then().statusCode(200)
                .body("tenant", equalTo(TENANT)).extract().jsonPath().getMap("$");
        assertThat(job).containsOnlyKeys("id", "tenant", "ruleSetVersion", "days", "from", "to", "status", "total",
                "processed", "changed", "eventsEmitted", "requestedBy", "createdAt", "startedAt", "finishedAt",
                "error");
        admin().when().post(JOBS + "/" + id + "/cancel").then().statusCode(409)
                .body("detail", containsString("already ended"));
        admin().when().get(JOBS + "/999999999").then().statusCode(404);
        admin().when().get("/api/v1/tenants/demo/retag-jobs/" + id).then().statusCode(404);
        admin().when().get(JOBS + "?limit=0").then().statusCode(400);
        admin().body(Map.of("days", 0)).when().post(JOBS).then().statusCode(400)
                .body("detail", containsString("days must be between 1 and 30"));
        admin().body("{\"days\": 7, \"maxMessages\": 5}").when().post(JOBS).then().statusCode(400)
                .body("errors[0].field", equalTo("maxMessages"));
        admin().body(Map.of("days", 1)).when().post("/api/v1/tenants/default/retag-jobs").then().statusCode(400)
                .body("detail", containsString("per tenant"));
        admin().body(Map.of("days", 1)).when().post("/api/v1/tenants/nobody/retag-jobs").then().statusCode(404);
        io.restassured.RestAssured.given().contentType("application/json").body("{}").when().post(JOBS).then()
                .statusCode(401);
    }

    private static long currentVersion() {
        return admin().when().get("/api/v1/tenants/lab/intent-rules/versions").then().statusCode(200)
                .extract().jsonPath().getList("version", Long.class).stream().mapToLong(Long::longValue).max()
                .orElseThrow();
    }

    private static JsonPath awaitEnd(long id) {
        await().atMost(WAIT).until(() -> !List.of("queued", "running").contains(
                admin().when().get(JOBS + "/" + id).then().statusCode(200).extract().path("status")));
        return admin().when().get(JOBS + "/" + id).then().extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse lookup(String messageId) {
        return admin().when().get("/api/v1/tenants/lab/messages/" + messageId).then().statusCode(200);
    }
}
