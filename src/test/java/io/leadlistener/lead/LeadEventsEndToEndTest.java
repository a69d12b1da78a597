package io.leadlistener.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed callback → inbox → tagging → lead → outbox → Kafka, read back with a real consumer. */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class LeadEventsEndToEndTest {

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
    void aTaggedMessageCreatesTheLeadThenTagsItInOrderWithKeySubjectAndOffsetsRight() {
        String user = "buyer-" + UUID.randomUUID().toString().substring(0, 8);
        String leadId = LeadIds.leadId("demo", "internal", user);
        String text = "你好，能给个报价吗？";
        String msgId = WeComSimulator.nextMsgId();

        post(WeComSimulator.textMessage(user, text, msgId));

        List<Received> events = consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
        assertThat(events).extracting(Received::type).containsExactly("lead.created.v1", "lead.intent-tagged.v1");
        for (Received event : events) {
            EventSchemas.assertValid(event.raw());
            assertThat(event.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
            assertThat(event.traceParent()).as("tracing is off unless a collector is configured").isNull();
            assertThat(event.event().path("subject").asText()).isEqualTo(leadId);
            assertThat(event.data().path("leadId").asText()).isEqualTo(leadId);
            assertThat(event.event().path("source").asText()).isEqualTo("/tenants/demo/wecom-app");
            assertThat(event.data().path("pool").asText()).isEqualTo("sales");
            assertThat(event.data().path("routing").path("intent").asText()).isEqualTo("quote");
            assertThat(event.data().path("intents").toString()).isEqualTo("[\"quote\"]");
            assertThat(event.data().path("message").path("id").asText()).isEqualTo(msgId);
            assertThat(event.data().path("message").path("text").asText()).isEqualTo(text);
            assertThat(event.data().path("matches")).isNotEmpty();
            event.data().path("matches").forEach(match -> assertThat(
                    text.substring(match.path("start").asInt(), match.path("end").asInt()))
                    .isEqualTo(match.path("text").asText()));
        }
        assertThat(events.get(0).partition()).isEqualTo(events.get(1).partition());
        assertThat(events.get(0).offset()).isLessThan(events.get(1).offset());
    }

    @Test
    void aCallbackDeliveredFourTimesYieldsOneLogicalEventSetAndALaterMessageOnlyATag() {
        String user = "retry-" + UUID.randomUUID().toString().substring(0, 8);
        String leadId = LeadIds.leadId("demo", "internal", user);
        String first = WeComSimulator.textMessage(user, "想做你们区域代理", WeComSimulator.nextMsgId());
        for (int delivery = 0; delivery < 4; delivery++) {
            post(first);
        }
        consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
        post(WeComSimulator.textMessage(user, "能寄个样品吗", WeComSimulator.nextMsgId()));

        List<Received> events = consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 3, WAIT);
        // Give a duplicate the chance to show up before asserting there is none.
        events = consumer.forLead(leadId, Duration.ofSeconds(2));
        assertThat(events).extracting(Received::type)
                .containsExactly("lead.created.v1", "lead.intent-tagged.v1", "lead.intent-tagged.v1");
        assertThat(events).extracting(Received::id).doesNotHaveDuplicates();
        assertThat(events.get(0).data().path("pool").asText()).isEqualTo("channel-partners");
        assertThat(events.get(2).data().path("pool").asText()).isEqualTo("sample-desk");
        assertThat(events.get(2).data().path("intents").toString()).isEqualTo("[\"sample\"]");
    }

    @Test
    void aMessageWithoutIntentProducesNoEvent() {
        String user = "chatty-" + UUID.randomUUID().toString().substring(0, 8);
        String msgId = WeComSimulator.nextMsgId();
        post(WeComSimulator.textMessage(user, "今天天气不错，周末愉快", msgId));

        InboxRows inbox = new InboxRows(dataSource);
        await().atMost(WAIT).until(() -> inbox.countWhere("msg_id = ? and status = 'done'", msgId) == 1);
        assertThat(consumer.forLead(LeadIds.leadId("demo", "internal", user), Duration.ofSeconds(2))).isEmpty();
        assertThat(inbox.queryLong("select count(*) from lead where contact_id = ?", user)).isZero();
    }

    private static void post(String plaintext) {
        SignedCallback signed = WeComSimulator.sign(plaintext);
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);
    }
}
