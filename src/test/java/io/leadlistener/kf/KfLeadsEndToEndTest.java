package io.leadlistener.kf;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.events.EventSchemas;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.FakeWeComApi;
import io.leadlistener.testsupport.FakeWeComApiResource;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 微信客服 end to end: notification callback → pull from the fake WeCom API → tagging → {@code lead.intent-tagged.v1}
 * on Kafka, read by a real consumer; real PostgreSQL and broker.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = FakeWeComApiResource.class, restrictToAnnotatedClass = true)
class KfLeadsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private LeadEventsConsumer consumer;
    private FakeWeComApi wecom;
    private String openKfId;

    @BeforeEach
    void setUp() {
        consumer = new LeadEventsConsumer();
        wecom = FakeWeComApiResource.server();
        openKfId = "wk" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void aPulledTextMessageWithAnIntentIsALeadOfTheCustomerTaggedFromTheKfChannel() {
        String customer = customer();
        String leadId = LeadIds.leadId("demo", "external", customer);
        String text = "你好，能给个报价吗？";
        long sent = Instant.now().getEpochSecond();
        wecom.addMessage(openKfId, openKfId + "-1", customer, 3, "text", text, sent);

        notify("TOKEN" + openKfId);

        consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
        List<Received> events = consumer.forLead(leadId, Duration.ofSeconds(2));
        assertThat(events).extracting(Received::type).containsExactly("lead.created.v1", "lead.intent-tagged.v1");
        for (Received event : events) {
            EventSchemas.assertValid(event.raw());
            assertThat(event.event().path("source").asText()).isEqualTo("/tenants/demo/wecom-kf");
            assertThat(event.data().path("contact").path("kind").asText()).isEqualTo("external");
            assertThat(event.data().path("contact").path("id").asText()).isEqualTo(customer);
            assertThat(event.data().path("intents").toString()).isEqualTo("[\"quote\"]");
            assertThat(event.data().path("message").path("id").asText()).isEqualTo(openKfId + "-1");
            assertThat(event.data().path("message").path("text").asText()).isEqualTo(text);
            assertThat(Instant.parse(event.data().path("message").path("sentAt").asText()))
                    .isEqualTo(Instant.ofEpochSecond(sent));
        }
    }

    @Test
    void aKfMessageOfACustomerAddedAsContactLandsOnTheSameLead() {
        String customer = customer();
        String leadId = LeadIds.leadId("demo", "external", customer);
        long now = Instant.now().getEpochSecond();
        SignedCallback added = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, WeComSimulator.DEMO_CORP_ID,
                WeComSimulator.addExternalContactEvent("zhangsan", customer, "expo2026", now), now);
        given().queryParams(added.queryParameters()).body(added.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo/contacts").then().statusCode(200);
        consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 1, WAIT);

        wecom.addMessage(openKfId, openKfId + "-1", customer, 3, "text", "能寄个样品吗", now + 1);
        wecom.addMessage(openKfId, openKfId + "-2", "wm-other-" + openKfId, 5, "text", "能寄个样品吗", now + 2);
        notify("TOKEN" + openKfId);

        consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
        List<Received> events = consumer.forLead(leadId, Duration.ofSeconds(2));
        assertThat(events).extracting(Received::type).containsExactly("lead.created.v1", "lead.intent-tagged.v1");
        assertThat(events.get(0).event().path("source").asText()).isEqualTo("/tenants/demo/wecom-contact");
        Received tagged = events.get(1);
        EventSchemas.assertValid(tagged.raw());
        assertThat(tagged.event().path("source").asText()).isEqualTo("/tenants/demo/wecom-kf");
        assertThat(tagged.partition()).isEqualTo(events.get(0).partition());
        assertThat(tagged.data().path("leadId").asText()).isEqualTo(leadId);
        assertThat(tagged.data().path("intents").toString()).isEqualTo("[\"sample\"]");
        // The lead keeps what the contact event said about it.
        assertThat(tagged.data().path("contact").path("id").asText()).isEqualTo(customer);
    }

    private void notify(String token) {
        SignedCallback signed = WeComSimulator.sign(
                WeComSimulator.kfNotification(openKfId, token, Instant.now().getEpochSecond()));
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);
    }

    private static String customer() {
        return "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
