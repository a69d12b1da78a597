package io.leadlistener.events;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.DeliveredLeadEvents;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A platform team owns the topic and grants no Create right: with {@code leadlistener.events.create-topic=false} the
 * service accepts callbacks, keeps their events in the outbox and says in {@code /q/health/well} that the topic is
 * missing and it waits; once the team creates the topic, every event arrives. Real broker, real PostgreSQL.
 *
 * <p>A broker refusing the creation (no Create ACL) leads to the same waiting; the test broker has no authorizer, so
 * that answer is classified in {@code TopicStateTest}.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@TestProfile(TopicCreatedByThePlatformTest.CreationOff.class)
class TopicCreatedByThePlatformTest {

    /** A topic of this test's own, which nothing else creates. */
    public static class CreationOff implements QuarkusTestProfile {

        static final String TOPIC = "crm.lead-events.platform-" + UUID.randomUUID().toString().substring(0, 8);

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadlistener.events.topic", TOPIC,
                    "leadlistener.events.create-topic", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsWaitInTheOutboxWhileTheTopicIsMissingAndAllArriveOnceThePlatformCreatesIt() throws Exception {
        String topic = ConfigProvider.getConfig().getValue("leadlistener.events.topic", String.class);
        assertThat(topic).startsWith("crm.lead-events.platform-");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> messageByLead = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String user = "platform-" + run + "-" + i;
            String msgId = WeComSimulator.nextMsgId();
            post(WeComSimulator.textMessage(user, "麻烦报个价", msgId));
            messageByLead.put(LeadIds.leadId("demo", "internal", user), msgId);
        }
        List<String> leads = new ArrayList<>(messageByLead.keySet());

        // Every message is processed: its two events (created, tagged) wait in the outbox, none is published.
        InboxRows db = new InboxRows(dataSource);
        String ofTheseLeads = "aggregateid in (" + String.join(",", leads.stream().map(l -> "'" + l + "'").toList())
                + ")";
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryLong(
                "select count(*) from outbox_event where " + ofTheseLeads) == 20);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> management().when().get("/q/health/well")
                .then().log().ifValidationFails().statusCode(503)
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'outbox-relay' }.data.topic", equalTo(topic))
                .body("checks.find { it.name == 'outbox-relay' }.data.topicState",
                        equalTo("missing, creating is switched off; waiting"))
                .body("checks.find { it.name == 'outbox-relay' }.data.pendingEvents", greaterThanOrEqualTo(20))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP")));
        // Some seconds later still nothing is published, and the service has not created the topic behind our back.
        Thread.sleep(3000);
        assertThat(db.queryLong("select count(*) from outbox_event where published_at is null and parked_at is null"
                + " and " + ofTheseLeads)).isEqualTo(20);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(topic);

            // The platform team creates the topic.
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1")))).all().get(10, TimeUnit.SECONDS);
        }

        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            List<Received> received = consumer.pollUntil(r -> leads.contains(r.key()),
                    r -> r.stream().map(Received::id).distinct().count() >= 20, Duration.ofSeconds(60));
            DeliveredLeadEvents delivered = DeliveredLeadEvents.of(received);
            messageByLead.forEach((lead, msgId) -> delivered.assertHistory(lead, List.of(msgId)));
            received.forEach(event -> EventSchemas.assertValid(event.raw()));
        }
        assertThat(db.queryLong("select count(*) from outbox_event where published_at is null and " + ofTheseLeads))
                .isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> management().when().get("/q/health/well")
                .then().log().ifValidationFails()
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.data.topicState", equalTo("exists"))
                .body("checks.find { it.name == 'outbox-relay' }.data.topicPartitions", equalTo(3)));
    }

    private static void post(String plaintext) {
        SignedCallback signed = WeComSimulator.sign(plaintext);
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);
    }
}
