package io.leadlistener.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.EventIds;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who an alert goes to and how often, as the tenant's routing data and alert settings say — changed through the
 * admin API without a restart: pool recipients for leads without an owner, one alert per customer per window with
 * later intents folded in, the per-member throttle, new-contact alerts, alerts switched off. HTTP → PostgreSQL →
 * the fake WeCom API.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = AlertsTestResource.class, restrictToAnnotatedClass = true)
class AlertPoliciesTest {

    private static final String ADMIN = "test-admin-token";

    @Inject
    AgroalDataSource dataSource;

    /** Every test leaves demo's routing and alert settings as the configuration has them (version 0's values). */
    @AfterEach
    void restoreDefaults() {
        for (String path : List.of("/api/v1/tenants/demo/routing/rollback", "/api/v1/tenants/demo/alert-settings/rollback")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"version\": 0}")
                    .when().post(path).then().statusCode(anyOf(is(200), is(409)));
        }
    }

    @Test
    void aLeadWithoutOwnerAlertsItsPoolsRecipientsNamedInRoutingData() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                        {"pools": {"agency": "channel-partners", "sample": "sample-desk", "quote": "sales"},
                         "precedence": ["agency", "sample", "quote"], "defaultPool": "sales",
                         "recipients": {"sales": {"users": ["pool-a", "pool-b"], "departments": [3],
                                                  "robots": ["sales-group"]},
                                        "sample-desk": {"users": ["sampler"]}}}""")
                .when().put("/api/v1/tenants/demo/routing").then().statusCode(200)
                .body("recipients.sales.users", equalTo(List.of("pool-a", "pool-b")))
                .body("changes.recipients.sales[1].departments", equalTo(List.of(3)));
        int before = wecom().appMessages().size();
        String customer = customer();

        ingest(customer, "pool-" + UUID.randomUUID(), null, "报价单发我一下");

        JsonNode alert = awaitAlert(before, customer);
        assertThat(alert.path("touser").asText()).isEqualTo("pool-a|pool-b");
        assertThat(alert.path("toparty").asText()).isEqualTo("3");
        // The pool's group robot posts the same alert in its group chat; its key never left the configuration.
        await().atMost(Duration.ofSeconds(20)).until(() -> wecom().robotMessages().stream()
                .anyMatch(m -> m.at("/markdown/content").asText().contains(customer)));
        given().auth().oauth2(ADMIN).when().get("/api/v1/tenants/demo/routing").then()
                .body("recipients.sales.robots", equalTo(List.of("sales-group")))
                .body(org.hamcrest.Matchers.not(containsString(FakeWeComApi.ROBOT_KEY)));

        // An editor that knows only pools keeps the recipients in force.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                        {"pools": {"quote": "sales"}, "precedence": ["quote"], "defaultPool": "sales"}""")
                .when().put("/api/v1/tenants/demo/routing").then().statusCode(200)
                .body("recipients.sales.users", equalTo(List.of("pool-a", "pool-b")));
    }

    @Test
    void badRecipientsAreRefusedFieldByField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                        {"pools": {}, "precedence": [], "defaultPool": "sales",
                         "recipients": {"sales": {"users": ["zhang san", "ok"], "departments": [0],
                                                  "robots": ["nobody-configured-me"]}, "x": {}}}""")
                .when().put("/api/v1/tenants/demo/routing").then().statusCode(400)
                .body("errors.field", hasItem("recipients.sales.robots[0]"))
                .body("errors.field", hasItem("recipients.sales.users[0]"))
                .body("errors.field", hasItem("recipients.sales.departments[0]"))
                .body("errors.field", hasItem("recipients.x"));
    }

    @Test
    void laterIntentsOfTheSameCustomerFoldIntoOneAlertAfterTheWindow() throws Exception {
        String customer = customer();
        int before = wecom().appMessages().size();
        String first = "fold-1-" + UUID.randomUUID();
        ingest(customer, first, "folder", "能给个报价吗");
        JsonNode alert = awaitAlert(before, customer);
        assertThat(alert.at("/markdown/content").asText()).contains("报价").doesNotContain("条消息");

        String second = "fold-2-" + UUID.randomUUID();
        String third = "fold-3-" + UUID.randomUUID();
        ingest(customer, second, "folder", "样品能寄吗");
        ingest(customer, third, "folder", "想做你们的代理");
        InboxRows db = new InboxRows(dataSource);
        String secondAction = EventIds.action(LeadAlerts.TYPE, "demo", "api:" + second);
        String thirdAction = EventIds.action(LeadAlerts.TYPE, "demo", "api:" + third);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong(
                "select count(*) from wecom_action where id = ? and folded_into = ?", thirdAction, secondAction) == 1);
        // The second alert waits for the customer's next window: five minutes after the first.
        assertThat(db.queryLong("select round(extract(epoch from s.next_attempt_at - f.not_before)) from wecom_action s,"
                + " wecom_action f where s.id = ? and f.id = ?", secondAction,
                EventIds.action(LeadAlerts.TYPE, "demo", "api:" + first))).isEqualTo(300);
        assertThat(wecom().appMessages().stream().skip(before)
                .filter(m -> m.body().toString().contains(customer))).hasSize(1);

        // Five minutes pass.
        db.update("update wecom_action set next_attempt_at = now() where id = ?", secondAction);
        JsonNode folded = awaitAlert(before + 1, customer);
        assertThat(folded.at("/markdown/content").asText())
                .startsWith("**新线索：样品需求、代理加盟**").contains("共 2 条消息", "样品能寄吗", "想做你们的代理");
    }

    @Test
    void settingsSwitchAlertsOffAndBackWithoutARestartEachChangeAVersion() {
        given().auth().oauth2(ADMIN).when().get("/api/v1/tenants/demo/alert-settings").then().statusCode(200)
                .body("enabled", equalTo(true)).body("foldMinutes", equalTo(5))
                .body("perMemberPerMinute", equalTo(20)).body("format", equalTo("auto"))
                .body("consoleLink", equalTo(false));
        int version = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"enabled\": false, \"note\": \"holiday\"}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(200)
                .body("enabled", equalTo(false)).body("foldMinutes", equalTo(5)).body("publishedBy",
                        equalTo("test-admin")).body("changes.enabled", equalTo(List.of(true, false)))
                .extract().path("version");
        String customer = customer();
        String off = "off-" + UUID.randomUUID();
        ingest(customer, off, "offowner", "报价多少");
        await().atMost(Duration.ofSeconds(20)).until(() -> new InboxRows(dataSource).queryLong(
                "select count(*) from inbox_message where msg_id = ? and status = 'done'", off) == 1);
        assertThat(new InboxRows(dataSource).queryLong("select count(*) from wecom_action where id = ?",
                EventIds.action(LeadAlerts.TYPE, "demo", "api:" + off))).isZero();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"enabled\": false}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(409)
                .body("type", containsString("alert-settings-unchanged"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"enabled\": true, \"baseVersion\": " + (version - 1) + "}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(409)
                .body("versionInForce", equalTo(version));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"enabled\": true}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(200);
        given().auth().oauth2(ADMIN).when().get("/api/v1/tenants/demo/alert-settings/versions").then()
                .statusCode(200).body("[0].enabled", equalTo(true)).body("[1].note", equalTo("holiday"));
        int before = wecom().appMessages().size();
        ingest(customer, "on-" + UUID.randomUUID(), "offowner", "报价多少");
        awaitAlert(before, customer);
    }

    @Test
    void badSettingsAreRefusedWithEveryProblemNamed() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"foldMinutes\": -1, \"perMemberPerMinute\": 31, \"format\": \"html\", \"colour\": 1}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(400)
                .body("errors.field", hasItem("foldMinutes")).body("errors.field", hasItem("perMemberPerMinute"))
                .body("errors.field", hasItem("format")).body("errors.field", hasItem("colour"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"format\": \"textcard\"}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(400)
                .body("detail", containsString("leadlistener.console.public-url"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"foldMinutes\": \"five\"}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(400)
                .body("errors.field", hasItem("foldMinutes"));
        given().auth().oauth2(ADMIN).when().get("/api/v1/tenants/demo/alert-settings/versions/99").then()
                .statusCode(404);
        given().auth().oauth2(ADMIN).when().get("/api/v1/tenants/nobody/alert-settings").then().statusCode(404);
        given().when().get("/api/v1/tenants/demo/alert-settings").then().statusCode(401);
    }

    @Test
    void aMemberOverThePerMinuteLimitWaitsInsteadOfBeingDropped() throws Exception {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"perMemberPerMinute\": 1}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(200);
        String owner = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        String firstCustomer = customer();
        String secondCustomer = customer();
        int before = wecom().appMessages().size();
        ingest(firstCustomer, "busy-1-" + UUID.randomUUID(), owner, "报价多少");
        awaitAlert(before, firstCustomer);

        String second = "busy-2-" + UUID.randomUUID();
        ingest(secondCustomer, second, owner, "报价多少");
        InboxRows db = new InboxRows(dataSource);
        String action = EventIds.action(LeadAlerts.TYPE, "demo", "api:" + second);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong(
                "select count(*) from wecom_action where id = ? and last_error like 'waiting: %'", action) == 1);
        assertThat(db.queryLong("select attempts from wecom_action where id = ?", action)).isZero();
        assertThat(db.queryLong("select count(*) from wecom_action where id = ? and done_at is null"
                + " and next_attempt_at > now() + interval '30 seconds'", action)).isEqualTo(1);
        assertThat(wecom().appMessages().stream().skip(before)
                .filter(m -> m.body().toString().contains(secondCustomer))).isEmpty();
    }

    @Test
    void anAddedExternalContactAlertsItsSalespersonWhenTheTenantAsksForIt() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"newContactAlerts\": true}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(200);
        String customer = "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        int before = wecom().appMessages().size();

        String added = WeComSimulator.addExternalContactEvent("greeter", customer, "expo-2026",
                Instant.now().getEpochSecond());
        for (int delivery = 0; delivery < 2; delivery++) {
            postContactEvent(added); // WeCom's retry of the same event alerts once
        }

        JsonNode alert = awaitAlert(before, customer);
        assertThat(alert.path("touser").asText()).isEqualTo("greeter");
        assertThat(alert.at("/markdown/content").asText()).contains("新客户：" + customer, "expo-2026");
        // The intent alert that follows is not held back by it.
        ingestExternal(customer, "greeter");
        await().atMost(Duration.ofSeconds(20)).until(() -> wecom().appMessages().stream().skip(before)
                .filter(m -> m.body().toString().contains(customer)).count() == 2);
    }

    @Test
    void alertsInsideQuietHoursWaitAndGoOutAsOneDigestPerRecipient() throws Exception {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"newContactAlerts\": true, \"quietFrom\": \""
                        + now.minusHours(1).format(hhmm) + "\", \"quietTo\": \"" + now.plusHours(1).format(hhmm) + "\"}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"));
        String owner = "night-" + UUID.randomUUID().toString().substring(0, 8);
        String first = customer();
        String second = customer();
        int before = wecom().appMessages().size();

        ingest(first, "q1-" + UUID.randomUUID(), owner, "能给个报价吗");
        ingest(second, "q2-" + UUID.randomUUID(), owner, "样品能寄吗");
        ingest(first, "q3-" + UUID.randomUUID(), owner, "想做你们的代理");
        InboxRows db = new InboxRows(dataSource);
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong("select count(*) from wecom_action where"
                + " folded_into = (select id from wecom_action where lead_id = ? and type = 'digest')",
                "digest:" + owner) == 3);
        assertThat(db.queryLong("select count(*) from wecom_action where lead_id = ? and type = 'digest'"
                + " and next_attempt_at > now() + interval '30 minutes'", "digest:" + owner)).isEqualTo(1);
        assertThat(wecom().appMessages().stream().skip(before)
                .filter(m -> owner.equals(m.body().path("touser").asText()))).isEmpty();
        // A new contact's short alert waits for the end of the quiet hours too.
        String added = "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        postContactEvent(WeComSimulator.addExternalContactEvent(owner, added, null, Instant.now().getEpochSecond()));
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong("select count(*) from wecom_action where"
                + " type = 'contact-alert' and payload like ? and next_attempt_at > now() + interval '30 minutes'",
                "%" + added + "%") == 1);

        // The quiet hours end.
        db.update("update wecom_action set next_attempt_at = now() where lead_id = ? and type = 'digest'",
                "digest:" + owner);
        await().atMost(Duration.ofSeconds(20)).until(() -> wecom().appMessages().stream().skip(before)
                .anyMatch(m -> owner.equals(m.body().path("touser").asText())));
        List<JsonNode> sent = wecom().appMessages().stream().skip(before).map(FakeWeComApi.AppMessage::body)
                .filter(body -> owner.equals(body.path("touser").asText())).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).at("/markdown/content").asText()).contains("免打扰时段", "2 位客户",
                first + "：报价、代理加盟（2 条）", second + "：样品需求");
    }

    @Test
    void halfQuietHoursAreRefused() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"quietFrom\": \"22:00\"}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(400)
                .body("detail", containsString("go together"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"quietFrom\": \"22:00\", \"quietTo\": \"08:00\", \"timeZone\": \"Mars/Olympus\"}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(400)
                .body("detail", containsString("not a time zone"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"quietFrom\": \"7pm\"}")
                .when().put("/api/v1/tenants/demo/alert-settings").then().statusCode(400)
                .body("errors.field", hasItem("quietFrom"));
    }

    private void ingestExternal(String customer, String owner) {
        // An archive pipeline's message of that WeCom customer: the same lead as the contact event's.
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body("{\"tenant\": \"demo\","
                        + " \"channel\": \"wecom-archive\", \"contactKind\": \"external\", \"contactId\": \"" + customer
                        + "\", \"messageId\": \"ext-" + UUID.randomUUID() + "\", \"ownerUserId\": \"" + owner
                        + "\", \"text\": \"报价多少\"}")
                .when().post("/api/v1/messages").then().statusCode(anyOf(is(202), is(200)));
    }

    private static void postContactEvent(String plaintext) {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, WeComSimulator.DEMO_CORP_ID,
                plaintext, Instant.now().getEpochSecond());
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo/contacts").then().statusCode(200);
    }

    private static String customer() {
        return "cust-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static FakeWeComApi wecom() {
        return AlertsTestResource.server();
    }

    private static void ingest(String contactId, String messageId, String owner, String text) {
        String ownerField = owner == null ? "" : ", \"ownerUserId\": \"" + owner + "\"";
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body("{\"tenant\": \"demo\","
                        + " \"contactId\": \"" + contactId + "\", \"messageId\": \"" + messageId + "\", \"text\": \""
                        + text + "\"" + ownerField + "}")
                .when().post("/api/v1/messages").then().statusCode(anyOf(is(202), is(200)));
    }

    /** The newest alert (after the first {@code after} the fake received) that names the customer. */
    private static JsonNode awaitAlert(int after, String customer) {
        await().atMost(Duration.ofSeconds(20)).until(() -> wecom().appMessages().stream().skip(after)
                .anyMatch(m -> m.body().toString().contains(customer)));
        List<FakeWeComApi.AppMessage> sent = wecom().appMessages().stream().skip(after)
                .filter(m -> m.body().toString().contains(customer)).toList();
        return sent.get(sent.size() - 1).body();
    }
}
