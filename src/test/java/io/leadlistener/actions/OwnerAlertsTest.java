package io.leadlistener.actions;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.EventIds;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tagged message alerts its owner inside WeCom — HTTP → PostgreSQL (action outbox) → the fake WeCom API — once per
 * message, with WeCom's errcodes handled as the protocol notes say.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = AlertsTestResource.class, restrictToAnnotatedClass = true)
class OwnerAlertsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTaggedMessageAlertsItsOwnerOnceWithTheIntentsAndTheLine() throws Exception {
        String messageId = "alert-" + UUID.randomUUID();
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        int before = wecom().appMessages().size();
        long alertsBefore = alertsSentThisHour();

        for (int delivery = 0; delivery < 2; delivery++) {
            ingest(customer, messageId, "zhangsan", "能给个报价吗？顺便寄两个样品");
        }

        JsonNode alert = awaitAlertTo("zhangsan", before);
        assertThat(alert.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(alert.path("agentid").asInt()).isEqualTo(1000002);
        assertThat(alert.path("enable_duplicate_check").asInt()).isEqualTo(1);
        assertThat(alert.at("/markdown/content").asText())
                .contains("新线索：", "报价", "样品需求", "api:" + customer, "能给个报价吗？顺便寄两个样品");
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(state(messageId)));
        Thread.sleep(1_000); // the redelivery must not have produced a second alert
        assertThat(wecom().appMessages().stream().skip(before)
                .filter(m -> m.body().at("/markdown/content").asText().contains(customer))).hasSize(1);

        // The lead's timeline shows the alert as done, and the stats count it once.
        String leadId = io.leadlistener.events.LeadIds.leadId("demo", "api", "api:" + customer);
        io.restassured.path.json.JsonPath detail = given().auth().oauth2("test-admin-token")
                .when().get("/api/v1/tenants/demo/leads/" + leadId).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("timeline.findAll { it.kind == 'action' && it.type == 'alert' }.status",
                String.class)).containsExactly("done");
        assertThat(alertsSentThisHour() - alertsBefore).isEqualTo(1);
    }

    /** Alerts sent from an hour ago until an hour from now, as the leads stats count them. */
    private static long alertsSentThisHour() {
        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/stats?bucket=hour&from="
                        + hour.minusSeconds(3600) + "&to=" + hour.plusSeconds(7200))
                .then().statusCode(200).extract().jsonPath().getLong("totals.alertsSent");
    }

    @Test
    void onCallSeesTheActionsInMetricsAndWellness() throws Exception {
        String messageId = "metrics-" + UUID.randomUUID();
        ingest("cust-" + UUID.randomUUID().toString().substring(0, 8), messageId, "zhaoliu", "样品怎么申请");
        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(state(messageId)));

        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("leadlistener_actions_outcomes_total\\{[^}]*outcome=\"done\"[^}]*\\} [1-9]")
                .contains("leadlistener_wecom_api_latency_seconds_count{call=\"message/send\"")
                .contains("leadlistener_actions_pending");
        management().when().get("/q/health/well").then()
                .body("checks.find { it.name == 'action-outbox' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'action-outbox' }.data.maxLagSeconds", org.hamcrest.Matchers.equalTo(600));
    }

    @Test
    void aMessageWithoutIntentsOrWithoutOwnerAlertsNobody() throws Exception {
        String customer = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
        ingest(customer, "quiet-" + UUID.randomUUID(), "zhangsan", "好的，收到，谢谢");
        String unowned = "unowned-" + UUID.randomUUID();
        ingest(customer, unowned, null, "报价单发我一下");

        Thread.sleep(1_500);
        assertThat(wecom().appMessages().stream().filter(m -> m.body().toString().contains(customer))).isEmpty();
        assertThat(state(unowned)).isNull();
    }

    @Test
    void aVisibleRangeProblemParksTheAlertAtOnceWithAPlainExplanation() throws Exception {
        wecom().answerNextAppMessages(60011);
        String messageId = "parked-" + UUID.randomUUID();

        ingest("cust-" + UUID.randomUUID().toString().substring(0, 8), messageId, "lisi", "代理政策发我看看");

        await().atMost(Duration.ofSeconds(20)).until(() -> "parked".equals(state(messageId)));
        assertThat(column(messageId, "errcode")).isEqualTo("60011");
        assertThat(column(messageId, "last_error")).contains("add them to the app's visible range");

        // On-call sees it with its explanation, fixes the visible range, and replays it.
        String actionId = EventIds.action(LeadAlerts.TYPE, "demo", "api:" + messageId);
        List<Map<String, Object>> parked = given().auth().oauth2("test-admin-token")
                .when().get("/api/v1/tenants/demo/actions/parked").then().statusCode(200).extract().jsonPath()
                .getList("");
        assertThat(parked).anySatisfy(action -> {
            assertThat(action).containsEntry("id", actionId).containsEntry("errcode", 60011)
                    .containsEntry("type", "alert").doesNotContainKey("payload");
            assertThat((String) action.get("lastError")).contains("visible range");
        });
        given().auth().oauth2("test-admin-token").when().post("/api/v1/tenants/demo/actions/parked/" + actionId
                + "/replay").then().statusCode(200).body("replayed", org.hamcrest.Matchers.equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(state(messageId)));
        given().auth().oauth2("test-admin-token").when().post("/api/v1/tenants/demo/actions/parked/" + actionId
                + "/replay").then().statusCode(404).body("type", org.hamcrest.Matchers.containsString(
                        "parked-action-not-found"));
        given().when().get("/api/v1/tenants/demo/actions/parked").then().statusCode(401);
    }

    @Test
    void aBusyWeComIsRetriedAndAnExpiredTokenIsRefreshedOnce() throws Exception {
        wecom().answerNextAppMessages(45009, -1);
        String busy = "busy-" + UUID.randomUUID();
        ingest("cust-" + UUID.randomUUID().toString().substring(0, 8), busy, "wangwu", "最低多少钱");
        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(state(busy)));
        assertThat(Integer.parseInt(column(busy, "attempts"))).isEqualTo(3);

        wecom().expireAllTokens();
        int issuedBefore = wecom().tokensIssued();
        String expired = "expired-" + UUID.randomUUID();
        ingest("cust-" + UUID.randomUUID().toString().substring(0, 8), expired, "wangwu", "最低多少钱");
        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(state(expired)));
        assertThat(wecom().tokensIssued()).isEqualTo(issuedBefore + 1);
        assertThat(column(expired, "attempts")).isEqualTo("1");
    }

    @Test
    void anUnknownErrcodeIsRetriedThenParkedAndAnInvalidUserIsRecordedOnTheAction() throws Exception {
        int[] unknown = new int[8];
        java.util.Arrays.fill(unknown, 99999);
        wecom().answerNextAppMessages(unknown);
        String stubborn = "unknown-" + UUID.randomUUID();
        ingest("cust-" + UUID.randomUUID().toString().substring(0, 8), stubborn, "qianqi", "报价发我");
        await().atMost(Duration.ofSeconds(30)).until(() -> "parked".equals(state(stubborn)));
        assertThat(column(stubborn, "attempts")).isEqualTo("8"); // leadlistener.actions.worker.max-attempts
        assertThat(column(stubborn, "errcode")).isEqualTo("99999");

        wecom().invalidUsers("ghost");
        String ghost = "ghost-" + UUID.randomUUID();
        ingest("cust-" + UUID.randomUUID().toString().substring(0, 8), ghost, "ghost", "报价发我");
        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(state(ghost)));
        assertThat(column(ghost, "outcome")).contains("invaliduser=ghost");
        wecom().invalidUsers("");
    }

    private static FakeWeComApi wecom() {
        return AlertsTestResource.server();
    }

    private static void ingest(String contactId, String messageId, String owner, String text) {
        StringBuilder body = new StringBuilder("{\"tenant\": \"demo\", \"contactId\": \"" + contactId
                + "\", \"messageId\": \"" + messageId + "\", \"text\": \"" + text + "\"");
        if (owner != null) {
            body.append(", \"ownerUserId\": \"").append(owner).append('"');
        }
        body.append('}');
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/messages").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(202), org.hamcrest.Matchers.is(200)));
    }

    private static JsonNode awaitAlertTo(String user, int after) {
        await().atMost(Duration.ofSeconds(20)).until(() -> wecom().appMessages().stream().skip(after)
                .anyMatch(m -> user.equals(m.body().path("touser").asText())));
        List<FakeWeComApi.AppMessage> sent = wecom().appMessages().stream().skip(after)
                .filter(m -> user.equals(m.body().path("touser").asText())).toList();
        return sent.get(sent.size() - 1).body();
    }

    /** done, parked, pending, or null when the message enqueued no action. */
    private String state(String messageId) throws Exception {
        String doneAt = column(messageId, "done_at");
        String parkedAt = column(messageId, "parked_at");
        String attempts = column(messageId, "attempts");
        if (attempts == null) {
            return null;
        }
        return doneAt != null ? "done" : parkedAt != null ? "parked" : "pending";
    }

    /** A column of the message's alert action, as text; null when there is no such action (or the value is null). */
    private String column(String messageId, String column) throws Exception {
        // Ingested messages are identified as "<channel>:<messageId>" (channel api by default).
        String actionId = EventIds.action(LeadAlerts.TYPE, "demo", "api:" + messageId);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select cast(" + column + " as text) from wecom_action where id = ?")) {
            query.setString(1, actionId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
