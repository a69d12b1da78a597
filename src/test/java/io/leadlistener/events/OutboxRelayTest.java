package io.leadlistener.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class OutboxRelayTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void parallelRelaysKeepEveryLeadsEventsInOrder() throws Exception {
        InboxRows db = new InboxRows(dataSource);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> leads = new ArrayList<>();
        for (int lead = 0; lead < 30; lead++) {
            leads.add(insertLead(db, "order-" + run + "-" + lead));
        }
        // Interleaved across leads, as busy contacts produce them.
        for (int n = 0; n < 10; n++) {
            for (String lead : leads) {
                insertEvent(db, lead, "{\"n\":" + n + "}");
            }
        }

        // Three more relays race the background one.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            racers.add(pool.submit(() -> {
                for (int round = 0; round < 40; round++) {
                    relay.relayOnce();
                }
            }));
        }
        for (Future<?> racer : racers) {
            racer.get();
        }
        pool.shutdown();

        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            List<Received> received = consumer.pollUntil(r -> leads.contains(r.key()), r -> r.size() >= 300,
                    Duration.ofSeconds(30));
            Map<String, List<Integer>> byLead = received.stream().collect(Collectors.groupingBy(Received::key,
                    Collectors.mapping(r -> r.event().path("n").asInt(), Collectors.toList())));
            assertThat(byLead).hasSize(30);
            byLead.forEach((lead, sequence) -> assertThat(sequence).as("events of lead %s", lead)
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        }
    }

    @Test
    void aPoisonEventIsParkedAfterItsAttemptsAndTheLeadsLaterEventsThenFlow() {
        InboxRows db = new InboxRows(dataSource);
        String lead = insertLead(db, "poison-" + UUID.randomUUID().toString().substring(0, 8));
        // Larger than the producer's max.request.size: Kafka refuses it for what it is, every time.
        String poison = insertEvent(db, lead, "{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        String later = insertEvent(db, lead, "{\"n\":1}");

        await().atMost(Duration.ofSeconds(40)).until(() -> db.queryLong(
                "select count(*) from outbox_event where id = ? and parked_at is not null", poison) == 1);
        Map<String, Object> parked = db.query("select attempts, last_error from outbox_event where id = ?", poison)
                .get(0);
        assertThat(parked.get("attempts")).isEqualTo(5);
        assertThat((String) parked.get("last_error")).contains("RecordTooLargeException");
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryLong(
                "select count(*) from outbox_event where id = ? and published_at is not null", later) == 1);

        given().auth().oauth2("test-admin-token").when().get("/api/v1/tenants/demo/events/parked")
                .then().statusCode(200).body("id", hasItem(poison));
        given().auth().oauth2("test-admin-token").when().post("/api/v1/tenants/demo/events/parked/" + poison + "/replay")
                .then().statusCode(200).body("replayed", equalTo(1));
        given().auth().oauth2("test-admin-token").when().post("/api/v1/tenants/demo/events/parked/nosuch/replay")
                .then().statusCode(404);
    }

    private static String insertLead(InboxRows db, String contactId) {
        String leadId = LeadIds.leadId("demo", "internal", contactId);
        db.update("""
                insert into lead (lead_id, tenant_id, contact_kind, contact_id, channel, first_seen_at, last_seen_at)
                values (?, 'demo', 'internal', ?, 'wecom-app', now(), now())""", leadId, contactId);
        return leadId;
    }

    private static String insertEvent(InboxRows db, String leadId, String payload) {
        String id = UUID.randomUUID().toString();
        db.update("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, "timestamp", payload)
                values (?, 'lead', ?, 'test.event', now(), ?)""", id, leadId, payload);
        return id;
    }
}
