package io.leadlistener.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.ChatContact;
import io.leadlistener.lead.routing.LeadRouter;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class LeadsTest {

    @Inject
    Leads leads;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentFirstSightingsOfOneContactCreateTheLeadExactlyOnceAndCountEveryIntent() throws Exception {
        String contactId = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String leadId = LeadIds.leadId("demo", "internal", contactId);
        ChatContact contact = new ChatContact("internal", contactId, "wecom-app", null, null);
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Boolean>> created = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            // As two replicas would: separate transactions, racing on the same new contact.
            created.add(pool.submit(() -> {
                start.await();
                return QuarkusTransaction.requiringNew().call(() -> leads.upsert(leadId, "demo", contact,
                        Instant.now(), Instant.now(), List.of("quote"), new LeadRouter.Route("quote", "sales"), 1)
                        .created());
            }));
        }
        start.countDown();
        int creations = 0;
        for (Future<Boolean> result : created) {
            creations += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(creations).isEqualTo(1);
        InboxRows db = new InboxRows(dataSource);
        assertThat(db.queryLong("select count(*) from lead where lead_id = ?", leadId)).isEqualTo(1);
        assertThat(db.queryLong("select (intent_counts ->> 'quote')::bigint from lead where lead_id = ?", leadId))
                .isEqualTo(writers);
    }

    @Test
    void eachMessageAddsItsIntentsToTheLeadsCountsAndKeepsTheOthers() {
        String contactId = "counts-" + UUID.randomUUID().toString().substring(0, 8);
        String leadId = LeadIds.leadId("demo", "internal", contactId);
        ChatContact contact = new ChatContact("internal", contactId, "wecom-app", null, null);
        LeadRouter.Route route = new LeadRouter.Route("quote", "sales");
        for (List<String> intents : List.of(List.of("quote"), List.of("quote", "sample"), List.of("agency"),
                List.<String>of())) {
            QuarkusTransaction.requiringNew().run(() -> leads.upsert(leadId, "demo", contact, Instant.now(),
                    Instant.now(), intents, route, 1));
        }

        InboxRows db = new InboxRows(dataSource);
        assertThat(db.query("select cast(intent_counts as text) as counts from lead where lead_id = ?", leadId)
                .get(0).get("counts")).isEqualTo("{\"quote\": 2, \"agency\": 1, \"sample\": 1}");
    }
}
