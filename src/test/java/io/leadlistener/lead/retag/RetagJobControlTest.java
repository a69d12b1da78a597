package io.leadlistener.lead.retag;

import static io.leadlistener.testsupport.RulesAndMessages.addRule;
import static io.leadlistener.testsupport.RulesAndMessages.admin;
import static io.leadlistener.testsupport.RulesAndMessages.defineIntent;
import static io.leadlistener.testsupport.RulesAndMessages.storeProcessedMessage;
import static io.leadlistener.testsupport.RulesAndMessages.unique;
import static io.leadlistener.testsupport.RulesAndMessages.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cancellation and bounds of re-tag jobs, batch by batch: the scheduled worker is off here and the test runs each
 * batch itself, so what happens between two batches is deterministic.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@TestProfile(RetagJobControlTest.DrivenByTheTest.class)
class RetagJobControlTest {

    private static final String TENANT = "demo";
    private static final String JOBS = "/api/v1/tenants/demo/retag-jobs";

    /** Two messages per batch, at most five per job, no scheduled worker; impact previews get no time at all. */
    public static class DrivenByTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadlistener.retag.poll-interval", "off",
                    "leadlistener.retag.batch-size", "2",
                    "leadlistener.retag.max-messages", "5",
                    "leadlistener.intent.impact.time-limit", "0s");
        }
    }

    @Inject
    RetagWorker worker;

    @Test
    void aJobCoversOnlyTheNewestMessagesUpToItsBoundAndStopsBetweenBatchesWhenCancelled() {
        String intent = defineIntent(TENANT);
        String keyword = uniqueWord("白瓷");
        String contact = unique("c-");
        List<String> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            oldestFirst.add(storeProcessedMessage(TENANT, contact, "第" + i + "件" + keyword));
        }
        addRule(TENANT, intent, "keyword", keyword, true);

        JsonPath first = admin().body(Map.of("days", 1)).when().post(JOBS).then().statusCode(202)
                .body("total", equalTo(5)).body("status", equalTo("queued")).extract().jsonPath();
        long firstId = first.getLong("id");
        admin().body(Map.of("days", 1)).when().post(JOBS).then().statusCode(409)
                .body("detail", containsString("already has a re-tag job queued or running"));

        assertThat(worker.runBatch()).isTrue();
        // The contact becomes a lead with the first re-tagged message: lead.created.v1 plus two tagged events.
        job(firstId).body("status", equalTo("running")).body("processed", equalTo(2))
                .body("changed", equalTo(2)).body("eventsEmitted", equalTo(3)).body("startedAt", org.hamcrest.Matchers.notNullValue());
        admin().when().post(JOBS + "/" + firstId + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("finishedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(worker.runBatch()).as("a cancelled job gets no further batch").isFalse();
        job(firstId).body("status", equalTo("cancelled")).body("processed", equalTo(2));
        admin().when().post(JOBS + "/" + firstId + "/cancel").then().statusCode(409);

        // The first job's window was the five newest (messages 3..7); it re-tagged the oldest two of them.
        assertThat(versions(oldestFirst)).containsExactly(false, false, false, true, true, false, false, false);

        // A new job takes the newest five still below the version: 7, 6, 5, 2, 1 — message 0 stays out of bounds.
        long secondId = admin().body(Map.of("days", 1)).when().post(JOBS).then().statusCode(202)
                .body("total", equalTo(5)).extract().jsonPath().getLong("id");
        int batches = 0;
        while (worker.runBatch()) {
            batches++;
        }
        assertThat(batches).isEqualTo(3);
        job(secondId).body("status", equalTo("completed")).body("processed", equalTo(5))
                .body("changed", equalTo(5)).body("eventsEmitted", equalTo(5));
        assertThat(versions(oldestFirst)).containsExactly(false, true, true, true, true, true, true, true);
    }

    @Test
    void anImpactPreviewOutOfTimeAnswersWithWhatItEvaluatedFlaggedTruncated() {
        storeProcessedMessage(TENANT, unique("c-"), "有人吗");
        addRule(TENANT, defineIntent(TENANT), "keyword", uniqueWord("玄"), false);
        admin().body(Map.of("days", 1)).when().post("/api/v1/tenants/demo/intent-rules/draft/impact").then()
                .statusCode(200).body("truncated", equalTo(true)).body("messagesEvaluated", equalTo(0));
        admin().when().delete("/api/v1/tenants/demo/intent-rules/draft").then().statusCode(204);
    }

    /** For each message: whether it is now tagged with the custom keyword's intent. */
    private static List<Boolean> versions(List<String> messageIds) {
        return messageIds.stream().map(id -> !admin().when().get("/api/v1/tenants/demo/messages/" + id).then()
                .statusCode(200).extract().jsonPath().getList("intents").isEmpty()).toList();
    }

    private static io.restassured.response.ValidatableResponse job(long id) {
        return admin().when().get(JOBS + "/" + id).then().statusCode(200);
    }
}
