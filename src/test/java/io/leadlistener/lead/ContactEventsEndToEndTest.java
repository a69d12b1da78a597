package io.leadlistener.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 客户联系 change events through the {@code contacts} callback to Kafka: a new external contact is a lead at once, a
 * removed one is {@code lead.contact-removed.v1}; real PostgreSQL, real broker, real consumer.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class ContactEventsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    private LeadEventsConsumer consumer;

    @BeforeEach
    void subscribe() {
        consumer = new LeadEventsConsumer();
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void anAddedContactIsALeadBeforeAnyMessageWithItsChannelStateAndOwner() {
        String customer = "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String leadId = LeadIds.leadId("demo", "external", customer);
        String added = WeComSimulator.contactEvent("add_external_contact", "zhangsan", customer, "expo2026",
                Instant.now().getEpochSecond());

        for (int delivery = 0; delivery < 4; delivery++) {
            post(added);
        }

        consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 1, WAIT);
        List<Received> events = consumer.forLead(leadId, Duration.ofSeconds(2)); // and nothing more arrives
        assertThat(events).extracting(Received::type).containsExactly("lead.created.v1");
        Received created = events.get(0);
        EventSchemas.assertValid(created.raw());
        assertThat(created.event().path("source").asText()).isEqualTo("/tenants/demo/wecom-contact");
        assertThat(created.data().path("contact").path("kind").asText()).isEqualTo("external");
        assertThat(created.data().path("contact").path("id").asText()).isEqualTo(customer);
        assertThat(created.data().path("contact").path("state").asText()).isEqualTo("expo2026");
        assertThat(created.data().path("owner").path("userId").asText()).isEqualTo("zhangsan");
        assertThat(created.data().path("message").isNull()).isTrue();
        assertThat(created.data().path("intents")).isEmpty();
        assertThat(created.data().path("pool").asText()).isEqualTo("sales");
        assertThat(created.data().path("routing").has("intent")).isFalse();

        InboxRows rows = new InboxRows(dataSource);
        assertThat(rows.query("select channel, channel_state, owner_user_id, pool from lead where lead_id = ?", leadId))
                .singleElement().isEqualTo(Map.of("channel", "wecom-contact", "channel_state", "expo2026",
                        "owner_user_id", "zhangsan", "pool", "sales"));
    }

    @Test
    void anEditUpdatesTheLeadWithoutAnEventAndARemovalIsContactRemovedAfterCreated() {
        String customer = "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String leadId = LeadIds.leadId("demo", "external", customer);
        long now = Instant.now().getEpochSecond();

        post(WeComSimulator.contactEvent("add_half_external_contact", "zhangsan", customer, "web", now));
        post(WeComSimulator.contactEvent("edit_external_contact", "lisi", customer, null, now + 1));
        String removal = WeComSimulator.contactEvent("del_follow_user", "lisi", customer, null, now + 2);
        post(removal);
        post(removal);

        consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
        List<Received> events = consumer.forLead(leadId, Duration.ofSeconds(2)); // and nothing more arrives
        assertThat(events).extracting(Received::type).containsExactly("lead.created.v1", "lead.contact-removed.v1");
        events.forEach(event -> EventSchemas.assertValid(event.raw()));
        Received removed = events.get(1);
        assertThat(removed.partition()).isEqualTo(events.get(0).partition());
        assertThat(removed.data().path("owner").path("userId").asText()).isEqualTo("lisi");
        assertThat(removed.data().path("contact").path("id").asText()).isEqualTo(customer);
        assertThat(removed.data().path("message").isNull()).isTrue();

        InboxRows rows = new InboxRows(dataSource);
        assertThat(rows.query("select owner_user_id, channel_state from lead where lead_id = ?", leadId))
                .singleElement().isEqualTo(Map.of("owner_user_id", "lisi", "channel_state", "web"));

        // The leads API tells the same story: the three contact events, the two events, the removal.
        io.restassured.path.json.JsonPath detail = given().auth().oauth2("test-admin-token")
                .when().get("/api/v1/tenants/demo/leads/" + leadId).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("lead.contactRemovedAt")).isNotNull();
        assertThat(detail.getString("lead.state")).isEqualTo("web");
        assertThat(detail.getList("timeline.findAll { it.kind == 'contact' }.change", String.class))
                .containsExactly("add_half_external_contact", "edit_external_contact", "del_follow_user");
        assertThat(detail.getList("timeline.findAll { it.kind == 'contact' }.effect", String.class))
                .containsExactly("created", "updated", "removed");
        assertThat(detail.getList("timeline.findAll { it.kind == 'event' }.type", String.class))
                .containsExactly("lead.created.v1", "lead.contact-removed.v1");
    }

    @Test
    void removingAContactThatNeverWasALeadEmitsNothing() {
        String customer = "wm" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String leadId = LeadIds.leadId("demo", "external", customer);

        post(WeComSimulator.contactEvent("del_external_contact", "zhangsan", customer, null,
                Instant.now().getEpochSecond()));

        InboxRows rows = new InboxRows(dataSource);
        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                rows.queryLong("select count(*) from inbox_message where status = 'done' and payload like ?",
                        "%" + customer + "%") == 1);
        assertThat(consumer.forLead(leadId, Duration.ofSeconds(2))).isEmpty();
        assertThat(rows.queryLong("select count(*) from lead where lead_id = ?", leadId)).isZero();
    }

    private static void post(String plaintext) {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, WeComSimulator.DEMO_CORP_ID,
                plaintext, Instant.now().getEpochSecond());
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo/contacts").then().statusCode(200);
    }
}
