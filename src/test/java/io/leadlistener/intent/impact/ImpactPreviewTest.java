package io.leadlistener.intent.impact;

import static io.leadlistener.testsupport.RulesAndMessages.addRule;
import static io.leadlistener.testsupport.RulesAndMessages.admin;
import static io.leadlistener.testsupport.RulesAndMessages.defineIntent;
import static io.leadlistener.testsupport.RulesAndMessages.discardDraft;
import static io.leadlistener.testsupport.RulesAndMessages.storeProcessedMessage;
import static io.leadlistener.testsupport.RulesAndMessages.unique;
import static io.leadlistener.testsupport.RulesAndMessages.uniqueWord;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The impact preview over real stored messages: what publishing the draft would change, without changing it. */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class ImpactPreviewTest {

    private static final String TENANT = "demo";
    private static final String IMPACT = "/api/v1/tenants/demo/intent-rules/draft/impact";

    @Test
    @SuppressWarnings("unchecked")
    void aDraftKeywordShowsTheMessagesThatWouldGainItsIntentWithExamplesAndChangesNothing() {
        discardDraft(TENANT);
        String intent = defineIntent(TENANT);
        String keyword = uniqueWord("紫檀");
        String contact = unique("c-");
        String first = storeProcessedMessage(TENANT, contact, "你们的" + keyword + "有现货吗");
        String second = storeProcessedMessage(TENANT, contact, "<script>alert(1)</script>" + keyword);
        String third = storeProcessedMessage(TENANT, contact, "麻烦报个价，" + keyword + "也要");
        String untouched = storeProcessedMessage(TENANT, contact, "今天天气不错");
        addRule(TENANT, intent, "keyword", keyword, false);

        JsonPath impact = admin().body(Map.of("days", 1)).when().post(IMPACT).then().statusCode(200)
                .body("tenant", equalTo(TENANT))
                .body("window.days", equalTo(1))
                .body("truncated", equalTo(false))
                .extract().jsonPath();

        assertThat(impact.getInt("messagesEvaluated")).isGreaterThanOrEqualTo(4);
        assertThat(impact.getInt("messagesChanged")).isEqualTo(3);
        Instant from = Instant.parse(impact.getString("window.from"));
        Instant to = Instant.parse(impact.getString("window.to"));
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(1));
        assertThat(impact.getLong("baseVersion")).isPositive();
        Map<String, Object> row = intentRow(impact, intent);
        assertThat(row).containsEntry("before", 0).containsEntry("after", 3).containsEntry("gained", 3)
                .containsEntry("lost", 0);
        List<Map<String, Object>> examples = examples(row, "gainedExamples");
        // Newest first; customer text comes back as it was written (the console renders it as text).
        assertThat(examples).extracting(example -> example.get("messageId")).containsExactly(third, second, first);
        assertThat(examples.get(1)).containsEntry("text", "<script>alert(1)</script>" + keyword)
                .containsEntry("intentsBefore", List.of()).containsEntry("intentsAfter", List.of(intent));
        assertThat(examples.get(0).get("intentsBefore")).isEqualTo(List.of("quote"));
        assertThat((List<Object>) examples.get(0).get("intentsAfter")).containsExactlyInAnyOrder("quote", intent);
        assertThat(impact.getList("intents.intent", String.class)).isSorted();

        // A preview changes nothing: the stored tags and the rules in force stay as they were.
        admin().when().get("/api/v1/tenants/demo/messages/" + first).then().statusCode(200)
                .body("intents", equalTo(List.of()));
        admin().when().get("/api/v1/tenants/demo/messages/" + untouched).then().statusCode(200);
        admin().body(Map.of("text", keyword, "tenant", TENANT)).when().post("/api/v1/intents/test").then()
                .statusCode(200).body("intents", equalTo(List.of()));
        discardDraft(TENANT);
    }

    @Test
    void anExclusionInTheDraftShowsTheMessagesThatWouldLoseTheirIntent() {
        discardDraft(TENANT);
        String intent = defineIntent(TENANT);
        String keyword = uniqueWord("黑檀");
        String contact = unique("c-");
        addRule(TENANT, intent, "keyword", keyword, true);
        String kept = storeProcessedMessage(TENANT, contact, "想要" + keyword);
        String excluded = storeProcessedMessage(TENANT, contact, keyword + "仿品的那种也行");
        admin().when().get("/api/v1/tenants/demo/messages/" + excluded).then().body("intents", equalTo(List.of(intent)));
        addRule(TENANT, intent, "exclusion", keyword + "仿品", false);

        JsonPath impact = admin().body(Map.of("days", 1)).when().post(IMPACT).then().statusCode(200)
                .extract().jsonPath();

        Map<String, Object> row = intentRow(impact, intent);
        assertThat(row).containsEntry("before", 2).containsEntry("after", 1).containsEntry("gained", 0)
                .containsEntry("lost", 1);
        assertThat(examples(row, "lostExamples")).singleElement()
                .satisfies(example -> assertThat(example).containsEntry("messageId", excluded)
                        .containsEntry("intentsBefore", List.of(intent)).containsEntry("intentsAfter", List.of()));
        assertThat(kept).isNotEqualTo(excluded);
        discardDraft(TENANT);
    }

    @Test
    void theMessageCountBoundStopsThePreviewAndSaysSo() {
        discardDraft(TENANT);
        String contact = unique("c-");
        storeProcessedMessage(TENANT, contact, "第一条");
        storeProcessedMessage(TENANT, contact, "第二条");
        addRule(TENANT, defineIntent(TENANT), "keyword", uniqueWord("界"), false);

        admin().body(Map.of("days", 1, "maxMessages", 1)).when().post(IMPACT).then().statusCode(200)
                .body("messagesEvaluated", equalTo(1))
                .body("truncated", equalTo(true));
        discardDraft(TENANT);
    }

    @Test
    void withoutDraftChangesThereIsNothingToPreview() {
        discardDraft(TENANT);
        admin().body(Map.of("days", 1)).when().post(IMPACT).then().statusCode(409)
                .body("detail", containsString("no changes"));
    }

    @Test
    void badRequestsAreRefusedNamingWhatIsWrong() {
        discardDraft(TENANT);
        addRule(TENANT, defineIntent(TENANT), "keyword", uniqueWord("界"), false);
        admin().body(Map.of("days", 0)).when().post(IMPACT).then().statusCode(400)
                .body("detail", containsString("days must be between 1 and 30"));
        admin().body(Map.of("days", 31)).when().post(IMPACT).then().statusCode(400)
                .body("detail", containsString("text-retention"));
        admin().body(Map.of("days", 1, "maxMessages", 0)).when().post(IMPACT).then().statusCode(400)
                .body("detail", containsString("maxMessages must be between 1 and 5000"));
        admin().body("{\"day\": 7, \"maxMessages\": \"many\"}").when().post(IMPACT).then().statusCode(400)
                .body("errors.field", hasItems("day", "maxMessages"))
                .body("detail", containsString("day is not a known field"));
        admin().body("{\"days\": 1.5}").when().post(IMPACT).then().statusCode(400)
                .body("errors[0].field", equalTo("days"))
                .body("detail", equalTo("days must be a whole number, got 1.5"));
        admin().body("[7]").when().post(IMPACT).then().statusCode(400);
        admin().body("{\"days\": ").when().post(IMPACT).then().statusCode(400);
        admin().body(Map.of("days", 1)).when().post("/api/v1/tenants/nobody/intent-rules/draft/impact").then()
                .statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("days", 1)).when().post(IMPACT).then().statusCode(401);
        // No body at all: the defaults (7 days, the configured maximum of messages).
        given().auth().oauth2("test-admin-token").contentType(ContentType.JSON).when().post(IMPACT).then()
                .statusCode(200)
                .body("window.days", equalTo(7));
        discardDraft(TENANT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> intentRow(JsonPath impact, String intent) {
        return impact.getList("intents", Map.class).stream().filter(row -> intent.equals(row.get("intent")))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + intent + ": " + impact.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> examples(Map<String, Object> row, String key) {
        return (List<Map<String, Object>>) row.get(key);
    }
}
