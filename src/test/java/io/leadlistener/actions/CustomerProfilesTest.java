package io.leadlistener.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.EventSchemas;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer record fills itself in: a new lead of a WeCom customer, or a salesperson adding them, reads WeCom's
 * profile (客户联系 or 微信客服), stores it on the lead and publishes {@code lead.profile-updated.v1} when it changed;
 * later alerts name the customer. HTTP → PostgreSQL → the fake WeCom API → Kafka.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = AlertsTestResource.class, restrictToAnnotatedClass = true)
class CustomerProfilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    private LeadEventsConsumer consumer;

    @BeforeEach
    void setUp() {
        consumer = new LeadEventsConsumer();
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void anAddedCustomersProfileIsStoredPublishedOncePerChangeAndNamedInAlerts() {
        String customer = customer();
        String leadId = LeadIds.leadId("demo", "external", customer);
        wecom().externalContact(customer, answer("李雷", "腾讯科技", follow("zhangsan", "李总-深圳")));

        String added = WeComSimulator.addExternalContactEvent("zhangsan", customer, "expo2026",
                Instant.now().getEpochSecond());
        postContactEvent(added);
        postContactEvent(added); // WeCom's retry: one read, one event
        List<Received> events = profileEvents(leadId, 1);
        EventSchemas.assertValid(events.get(0).raw());
        JsonNode profile = events.get(0).data().path("profile");
        assertThat(profile.path("name").asText()).isEqualTo("李雷");
        assertThat(profile.path("corpName").asText()).isEqualTo("腾讯科技");
        assertThat(profile.path("source").asText()).isEqualTo("externalcontact");
        assertThat(profile.at("/followUsers/0/remark").asText()).isEqualTo("李总-深圳");
        assertThat(events.get(0).event().path("source").asText()).isEqualTo("/tenants/demo/wecom-contact");
        assertThat(new InboxRows(dataSource).queryLong("select count(*) from lead where lead_id = ? and profile ->> "
                + "'name' = '李雷'", leadId)).isEqualTo(1);
        assertThat(wecom().profileReads(customer)).isEqualTo(1);

        // A second salesperson adds the customer: the follow users changed, so a new profile is published …
        wecom().externalContact(customer, answer("李雷", "腾讯科技", follow("zhangsan", "李总-深圳"),
                follow("lisi", "")));
        postContactEvent(WeComSimulator.addExternalContactEvent("lisi", customer, null,
                Instant.now().getEpochSecond() + 1));
        // Follow users sorted by userid, so the profile's hash does not depend on WeCom's order.
        assertThat(profileEvents(leadId, 2).get(1).data().at("/profile/followUsers").findValuesAsText("userId"))
                .containsExactly("lisi", "zhangsan");
        // … but reading the same profile again publishes nothing.
        postContactEvent(WeComSimulator.addExternalContactEvent("lisi", customer, null,
                Instant.now().getEpochSecond() + 2));
        await().atMost(WAIT).until(() -> wecom().profileReads(customer) == 3);
        assertThat(consumer.forLead(leadId, Duration.ofSeconds(2)).stream()
                .filter(event -> event.type().equals("lead.profile-updated.v1"))).hasSize(2);

        // Later alerts and the message look-up name the customer.
        int before = wecom().appMessages().size();
        String messageId = ingestExternal(customer, "zhangsan", "报价多少");
        await().atMost(WAIT).until(() -> wecom().appMessages().stream().skip(before)
                .anyMatch(m -> m.body().toString().contains("李雷（" + customer + "）")));
        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/messages/" + messageId)
                .then().statusCode(200).body("customerName", org.hamcrest.Matchers.equalTo("李雷"));
    }

    @Test
    void aWeChatCustomerServiceCustomerIsReadWithTheKfSecret() {
        String customer = customer();
        String leadId = LeadIds.leadId("demo", "external", customer);
        String openKfId = "wk" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        wecom().kfCustomer(customer, JSON.createObjectNode().put("nickname", "韩梅梅").put("gender", 2)
                .put("unionid", "oUnion-" + customer));
        wecom().addMessage(openKfId, openKfId + "-1", customer, 3, "text", "能寄个样品吗",
                Instant.now().getEpochSecond());

        SignedCallback signed = WeComSimulator.sign(WeComSimulator.kfNotification(openKfId, "TOKEN" + openKfId,
                Instant.now().getEpochSecond()));
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);

        Received event = profileEvents(leadId, 1).get(0);
        EventSchemas.assertValid(event.raw());
        assertThat(event.event().path("source").asText()).isEqualTo("/tenants/demo/wecom-kf");
        assertThat(event.data().at("/profile/name").asText()).isEqualTo("韩梅梅");
        assertThat(event.data().at("/profile/source").asText()).isEqualTo("kf");
        assertThat(event.data().at("/profile/followUsers").size()).isZero();
    }

    @Test
    void aCustomerWeComDoesNotRelateToTheCorpIsParkedWithTheReason() {
        String customer = customer();
        postContactEvent(WeComSimulator.addExternalContactEvent("wangwu", customer, null,
                Instant.now().getEpochSecond()));
        InboxRows db = new InboxRows(dataSource);
        String leadId = LeadIds.leadId("demo", "external", customer);
        await().atMost(WAIT).until(() -> db.queryLong("select count(*) from wecom_action where lead_id = ? and type ="
                + " 'profile' and errcode = 84061 and parked_at is not null", leadId) == 1);
        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/actions/parked").then()
                .statusCode(200).body("find { it.leadId == '" + leadId + "' }.lastError",
                        org.hamcrest.Matchers.containsString("no external-contact relation"));
    }

    private List<Received> profileEvents(String leadId, int count) {
        return consumer.pollUntil(r -> leadId.equals(r.key()) && r.type().equals("lead.profile-updated.v1"),
                r -> r.size() >= count, WAIT);
    }

    private static ObjectNode answer(String name, String corp, ObjectNode... followUsers) {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("external_contact").put("name", name).put("type", 2).put("corp_name", corp)
                .put("gender", 1);
        List.of(followUsers).forEach(answer.putArray("follow_user")::add);
        return answer;
    }

    private static ObjectNode follow(String userId, String remark) {
        return JSON.createObjectNode().put("userid", userId).put("remark", remark).put("createtime", 1_764_000_000L)
                .put("add_way", 1);
    }

    private static String customer() {
        return "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private static FakeWeComApi wecom() {
        return AlertsTestResource.server();
    }

    private static void postContactEvent(String plaintext) {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, WeComSimulator.DEMO_CORP_ID,
                plaintext, Instant.now().getEpochSecond());
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo/contacts").then().statusCode(200);
    }

    /** @return the message id as stored */
    private static String ingestExternal(String customer, String owner, String text) {
        String messageId = "p-" + UUID.randomUUID();
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body("{\"tenant\": \"demo\","
                        + " \"channel\": \"wecom-archive\", \"contactKind\": \"external\", \"contactId\": \"" + customer
                        + "\", \"messageId\": \"" + messageId + "\", \"ownerUserId\": \"" + owner
                        + "\", \"text\": \"" + text + "\"}")
                .when().post("/api/v1/messages").then().statusCode(anyOf(is(202), is(200)));
        return messageId;
    }
}
