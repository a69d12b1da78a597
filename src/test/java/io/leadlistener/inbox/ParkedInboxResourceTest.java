package io.leadlistener.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class ParkedInboxResourceTest {

    private static final String BASE = "/api/v1/tenants/demo/inbox";

    @Inject
    AgroalDataSource dataSource;

    private InboxRows inbox;

    @BeforeEach
    void setUp() {
        inbox = new InboxRows(dataSource);
    }

    @Test
    void refusesCallersWithoutAValidAdminToken() {
        given().when().get(BASE + "/summary").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", startsWith("missing Authorization header"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get(BASE + "/summary").then().statusCode(401)
                .body("detail", equalTo("Authorization header must use the Bearer scheme"));
        given().auth().oauth2("not-the-token").when().post(BASE + "/parked/replay").then().statusCode(401)
                .body("detail", equalTo("the bearer token is not a valid admin token"));
    }

    @Test
    void listsAParkedRowWithItsErrorAndReplaysItOnceTheCauseIsFixed() {
        String dedupeKey = "admin-poison-" + UUID.randomUUID();
        inbox.update("""
                insert into inbox_message (tenant_id, source, dedupe_key, contact_key, msg_type, payload)
                values ('demo', 'wecom-callback', ?, ?, 'text', '<xml><broken')""", dedupeKey, "user:" + dedupeKey);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                inbox.countWhere("dedupe_key = ? and status = 'parked'", dedupeKey) == 1);
        long id = inbox.queryLong("select id from inbox_message where dedupe_key = ?", dedupeKey);

        admin().when().get(BASE + "/parked?limit=500").then().statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items.find { it.id == " + id + " }.attempts", equalTo(3))
                .body("items.find { it.id == " + id + " }.lastError", startsWith(
                        "io.leadlistener.wecom.xml.MalformedCallbackXmlException"));
        admin().when().get(BASE + "/summary").then().statusCode(200)
                .body("parked", greaterThanOrEqualTo(1));

        // The operator fixes the cause (here: the stored document) and replays.
        inbox.update("update inbox_message set payload = ? where id = ?",
                "<xml><MsgType>text</MsgType><FromUserName>u</FromUserName><Content>报价</Content></xml>", id);
        admin().when().post(BASE + "/parked/" + id + "/replay").then().statusCode(200).body("replayed", equalTo(1));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                inbox.countWhere("id = ? and status = 'done'", id) == 1);
        assertThat(inbox.rows("id = ?", id).get(0).get("last_error")).isNull();
        admin().when().post(BASE + "/parked/" + id + "/replay").then().statusCode(404)
                .body("type", equalTo("urn:problem-type:wecom-lead-listener:parked-row-not-found"));
    }

    @Test
    void refusesToReplayARowWhoseTextWasPurged() {
        String dedupeKey = "admin-purged-" + UUID.randomUUID();
        inbox.update("""
                insert into inbox_message (tenant_id, source, dedupe_key, contact_key, msg_type, payload, status,
                    parked_at, text_purged_at)
                values ('demo', 'test', ?, ?, 'text', null, 'parked', now(), now())""",
                dedupeKey, "user:" + dedupeKey);
        long id = inbox.queryLong("select id from inbox_message where dedupe_key = ?", dedupeKey);

        admin().when().post(BASE + "/parked/" + id + "/replay").then().statusCode(409)
                .body("detail", equalTo("inbox row " + id
                        + " lost its message text to the retention purge and cannot be replayed"));
        admin().when().post(BASE + "/parked/replay").then().statusCode(200);
        assertThat(inbox.countWhere("id = ? and status = 'parked'", id)).isEqualTo(1);
    }

    @Test
    void rejectsBadPagingAndUnknownTenants() {
        admin().when().get(BASE + "/parked?limit=0").then().statusCode(400)
                .body("detail", equalTo("limit must be between 1 and 500, got 0"));
        admin().when().get("/api/v1/tenants/nosuch/inbox/summary").then().statusCode(404)
                .body("detail", equalTo("no tenant 'nosuch' is configured"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2("test-admin-token");
    }
}
