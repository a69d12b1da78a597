package io.leadlistener.intent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class WorkerTaggingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theWorkerTagsEachTextMessageAndStoresTheExplanationWithIt() throws Exception {
        String msgId = WeComSimulator.nextMsgId();
        SignedCallback signed = WeComSimulator.sign(
                WeComSimulator.textMessage("wangwu", "样品就不用了，麻烦先报个价", msgId));
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);

        InboxRows inbox = new InboxRows(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                inbox.countWhere("msg_id = ? and status = 'done'", msgId) == 1);
        Map<String, Object> row = inbox.rows("msg_id = ?", msgId).get(0);

        assertThat((Object[]) ((Array) row.get("intents")).getArray()).containsExactly("quote");
        assertThat((Long) row.get("rule_set_version")).isPositive();
        assertThat((String) row.get("tagging"))
                .contains("\"intents\":[\"quote\"]", "\"reason\":\"negated\"", "\"intent\":\"sample\"");

        // "Why was this tagged, or not?"
        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/messages/" + msgId)
                .then().statusCode(200)
                .body("messageId", org.hamcrest.Matchers.equalTo(msgId))
                .body("intents", org.hamcrest.Matchers.contains("quote"))
                .body("tagging.suppressed[0].intent", org.hamcrest.Matchers.equalTo("sample"))
                .body("tagging.suppressed[0].reason", org.hamcrest.Matchers.equalTo("negated"))
                .body("text", org.hamcrest.Matchers.equalTo("样品就不用了，麻烦先报个价"))
                .body("textPurged", org.hamcrest.Matchers.equalTo(false));
        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/messages/nosuch")
                .then().statusCode(404);
        given().when().get("/api/v1/tenants/demo/messages/" + msgId).then().statusCode(401);
    }

    @Test
    void eventsAreProcessedWithoutTagging() {
        String externalUserId = "wmTag" + WeComSimulator.nextMsgId();
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, WeComSimulator.DEMO_CORP_ID,
                WeComSimulator.addExternalContactEvent("zhangsan", externalUserId, "expo", 1_795_000_000L),
                java.time.Instant.now().getEpochSecond());
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml())
                .when().post("/wecom/callback/demo/contacts").then().statusCode(200);

        InboxRows inbox = new InboxRows(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                inbox.countWhere("contact_key = ? and status = 'done'", "external:" + externalUserId) == 1);
        Map<String, Object> row = inbox.rows("contact_key = ?", "external:" + externalUserId).get(0);
        assertThat(row.get("intents")).isNull();
        assertThat(row.get("tagging")).isNull();
    }
}
