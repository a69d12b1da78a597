package io.leadlistener.lead;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.leadlistener.events.LeadIds;
import io.leadlistener.localinfra.LocalInfrastructure;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away while customers keep writing: callbacks are still acknowledged, the pods stay ready, wellness
 * says what is wrong, and when the broker is back every event arrives exactly once by id.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class BrokerOutageTest {

    @Test
    void callbacksAreAcceptedDuringAnOutageAndEveryEventArrivesOnceAfterIt() {
        String instance = LocalInfrastructure.runningInstances().stream().filter(name -> name.startsWith("test-"))
                .findFirst().orElseThrow();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            users.add("outage-" + run + "-" + i);
        }

        LocalInfrastructure.stopKafka(instance);
        try {
            for (int round = 0; round < 4; round++) {
                for (String user : users) {
                    SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage(user,
                            round % 2 == 0 ? "麻烦报个价" : "能寄样品吗", WeComSimulator.nextMsgId()));
                    given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                            .when().post("/wecom/callback/demo").then().statusCode(200);
                }
            }
            management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> management().when().get("/q/health/well")
                    .then().statusCode(503).body("status", equalTo("DOWN")));
        } finally {
            LocalInfrastructure.restartKafka(instance);
        }

        Set<String> leads = users.stream().map(user -> LeadIds.leadId("demo", "internal", user))
                .collect(Collectors.toSet());
        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            List<Received> received = consumer.pollUntil(r -> leads.contains(r.key()), r -> r.size() >= 250,
                    Duration.ofSeconds(90));
            received = consumer.pollUntil(r -> leads.contains(r.key()), r -> false, Duration.ofSeconds(2));
            Set<String> ids = received.stream().map(Received::id).collect(Collectors.toSet());
            assertThat(ids).as("distinct event ids").hasSize(250);
            assertThat(received.stream().filter(r -> r.type().equals("lead.created.v1")).map(Received::key)
                    .collect(Collectors.toSet())).isEqualTo(leads);
            // Duplicated records (a resend after a lost acknowledgement) are allowed, duplicated logical events not.
            assertThat(received.stream().filter(r -> r.type().equals("lead.created.v1")).map(Received::id)
                    .distinct().count()).isEqualTo(50);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> management().when().get("/q/health/well")
                .then().log().ifValidationFails()
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP")));
    }
}
