package io.leadlistener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadlistener.testsupport.Conversation;
import io.leadlistener.testsupport.DeliveredLeadEvents;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.PackagedApp;
import io.leadlistener.testsupport.PackagedAppEnvironment;
import io.leadlistener.testsupport.PackagedAppEnvironment.Scope;
import io.leadlistener.testsupport.WeComSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issues 5 and 7: two instances of the packaged application against one PostgreSQL and one Kafka, started together
 * on an empty database, WeCom's deliveries spread over both — retries of one callback to either instance or to both
 * at once, and the first two messages of a new contact to both at once. Kafka comes only once every message is
 * processed, so both relays race over every lead's backlog of events. Nothing may be processed twice, nothing
 * published twice, every lead created once and its events kept in order, and both instances must have done work.
 */
@ExtendWith(PackagedAppEnvironment.class)
class TwoReplicasIT {

    private static final int CONTACTS = 24;
    private static final int MESSAGES_PER_CONTACT = 8;
    private static final int TOTAL = CONTACTS * MESSAGES_PER_CONTACT;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    /** Logged by the inbox worker after the row's transaction committed. */
    private static final Pattern PROCESSED = Pattern.compile("Processed inbox row (\\d+) ");
    private static final Pattern ADMITTED = Pattern.compile("Callback (accepted|duplicate) tenant=");

    @Test
    void twoInstancesShareTheWorkProcessEachMessageOnceAndKeepEveryLeadsOrder(Scope scope) throws Exception {
        InboxRows db = new InboxRows(scope.dataSource());
        List<Conversation> conversations = new ArrayList<>();
        for (int contact = 0; contact < CONTACTS; contact++) {
            conversations.add(Conversation.of(scope.name() + "-" + contact, MESSAGES_PER_CONTACT));
        }
        HttpClient http = HttpClient.newHttpClient();
        // Unbounded: a contact's conversation waits for its concurrent deliveries, which need threads of their own.
        ExecutorService pool = Executors.newCachedThreadPool();
        PackagedApp a = null;
        PackagedApp b = null;
        // Kafka is away until every message is in the outbox, so that both relays then race over every lead's backlog.
        scope.stopKafka();
        boolean kafkaStopped = true;
        try {
            // Launched together: both migrate and seed the same empty database at start-up.
            a = PackagedApp.launch(scope.name() + "-a", replicaConfig(scope));
            b = PackagedApp.launch(scope.name() + "-b", replicaConfig(scope));
            a.awaitReady(START);
            b.awaitReady(START);
            List<URI> apps = List.of(a.baseUri(), b.baseUri());
            AtomicInteger redeliveries = new AtomicInteger();
            List<Future<?>> sending = new ArrayList<>();
            for (int contact = 0; contact < CONTACTS; contact++) {
                Conversation conversation = conversations.get(contact);
                boolean racingFirstMessages = contact % 3 == 0;
                int offset = contact;
                sending.add(pool.submit(() -> converse(http, apps, conversation, offset, racingFirstMessages,
                        redeliveries, pool)));
            }
            for (Future<?> send : sending) {
                send.get();
            }
            await("every message processed").atMost(DRAIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> db.countWhere("status = 'done'") == TOTAL);

            // Inbox: one row per message whatever the deliveries, each completed by a single successful processing.
            assertThat(db.count()).as("inbox rows").isEqualTo(TOTAL);
            assertThat(db.countWhere("status = 'done' and attempts = 1")).as("rows completed at the first attempt")
                    .isEqualTo(TOTAL);
            Set<String> rowIds = new HashSet<>();
            db.query("select id from inbox_message").forEach(row -> rowIds.add(row.get("id").toString()));
            List<String> processedByA = a.logged(PROCESSED);
            List<String> processedByB = b.logged(PROCESSED);
            List<String> processedByEither = new ArrayList<>(processedByA);
            processedByEither.addAll(processedByB);
            System.out.printf("Inbox rows processed: %d by %s, %d by %s; %d redeliveries%n", processedByA.size(), a,
                    processedByB.size(), b, redeliveries.get());
            assertThat(processedByA).as("rows processed by %s", a).isNotEmpty();
            assertThat(processedByB).as("rows processed by %s", b).isNotEmpty();
            assertThat(processedByEither).as("rows processed by either instance").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(rowIds);
            List<String> admissions = new ArrayList<>(a.logged(ADMITTED));
            admissions.addAll(b.logged(ADMITTED));
            assertThat(admissions.stream().filter("accepted"::equals).count()).as("callbacks stored")
                    .isEqualTo(TOTAL);
            assertThat(admissions.stream().filter("duplicate"::equals).count()).as("redeliveries recognised")
                    .isEqualTo(redeliveries.get());

            // Leads: created once, every intent counted once; their events all waiting for Kafka.
            assertThat(db.queryLong("select count(*) from lead")).as("leads").isEqualTo(CONTACTS);
            assertThat(db.queryLong("select coalesce(sum(value::bigint), 0) from lead, jsonb_each_text(intent_counts)"))
                    .as("intents counted on leads").isEqualTo(TOTAL);
            assertThat(db.queryLong("select count(*) from outbox_event where published_at is null"))
                    .as("events waiting for Kafka").isEqualTo(TOTAL + CONTACTS);

            scope.restartKafka();
            kafkaStopped = false;
            await("every event published").atMost(DRAIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> db.queryLong("select count(*) from outbox_event where published_at is null") == 0);

            DeliveredLeadEvents delivered;
            try (LeadEventsConsumer consumer = scope.consumer()) {
                consumer.pollUntil(record -> true, records -> records.size() >= TOTAL + CONTACTS,
                        Duration.ofSeconds(30));
                delivered = DeliveredLeadEvents.of(consumer.pollUntil(record -> true, records -> false,
                        Duration.ofSeconds(1)));
            }
            // No send failed, so not even a redelivery is allowed: each event was sent by one instance, once.
            assertThat(delivered.recordCount()).as("records on %s", scope.topic()).isEqualTo(TOTAL + CONTACTS);
            for (int contact = 0; contact < CONTACTS; contact++) {
                Conversation conversation = conversations.get(contact);
                List<String> processingOrder = processingOrder(db, conversation);
                if (contact % 3 == 0) {
                    // The first two arrived at once, so either may be first; everything after in the order written.
                    assertThat(processingOrder.subList(0, 2))
                            .containsExactlyInAnyOrderElementsOf(conversation.messageIds().subList(0, 2));
                    assertThat(processingOrder.subList(2, MESSAGES_PER_CONTACT))
                            .containsExactlyElementsOf(conversation.messageIds().subList(2, MESSAGES_PER_CONTACT));
                } else {
                    assertThat(processingOrder).containsExactlyElementsOf(conversation.messageIds());
                }
                delivered.assertHistory(conversation.leadId(), processingOrder);
            }
        } finally {
            pool.shutdownNow();
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
            if (kafkaStopped) {
                scope.restartKafka();
            }
        }
    }

    /**
     * As an operator would configure a replica, tuned for contention: two relay threads per instance claiming a few
     * leads per round, so that four relays take turns on every lead's backlog; and a short backoff, so that they all
     * notice Kafka's return within a second of each other.
     */
    private static Map<String, String> replicaConfig(Scope scope) {
        Map<String, String> config = new HashMap<>(scope.applicationConfig());
        config.put("leadlistener.events.relay.threads", "2");
        config.put("leadlistener.events.relay.batch-size", "4");
        config.put("leadlistener.events.relay.max-backoff", "500ms");
        return config;
    }

    /**
     * Plays WeCom for one contact, each message to one instance or the other, the next message only once the
     * previous one was acknowledged. Some messages are delivered again afterwards to the other instance, some to both
     * instances at once; a racing contact's first two messages go to both instances at once.
     */
    private static void converse(HttpClient http, List<URI> apps, Conversation conversation, int offset,
                                 boolean racingFirstMessages, AtomicInteger redeliveries, ExecutorService pool) {
        List<Conversation.Message> messages = conversation.messages();
        int first = 0;
        if (racingFirstMessages) {
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> deliver(http, apps.get(0), messages.get(0)),
                    pool);
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> deliver(http, apps.get(1), messages.get(1)),
                    pool);
            CompletableFuture.allOf(one, two).join();
            first = 2;
        }
        for (int i = first; i < messages.size(); i++) {
            Conversation.Message message = messages.get(i);
            URI app = apps.get((i + offset) % 2);
            URI other = apps.get((i + offset + 1) % 2);
            switch (i % 4) {
                case 1 -> {
                    deliver(http, app, message);
                    deliver(http, other, message);
                    redeliveries.incrementAndGet();
                }
                case 3 -> {
                    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> deliver(http, app, message), pool);
                    CompletableFuture<Void> two = CompletableFuture.runAsync(() -> deliver(http, other, message), pool);
                    CompletableFuture.allOf(one, two).join();
                    redeliveries.incrementAndGet();
                }
                default -> deliver(http, app, message);
            }
        }
    }

    /** One delivery, acknowledged with 200; no instance is ever down here. */
    private static void deliver(HttpClient http, URI app, Conversation.Message message) {
        try {
            assertThat(WeComSimulator.deliver(http, app, message.plaintext())).as("delivery of %s to %s",
                    message.msgId(), app).isEqualTo(200);
        } catch (IOException e) {
            throw new AssertionError("delivery of " + message.msgId() + " to " + app + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The contact's messages in the order the inbox workers of both instances completed them. */
    private static List<String> processingOrder(InboxRows db, Conversation conversation) {
        return db.query("select msg_id from inbox_message where from_user = ? order by processed_at, id",
                conversation.user()).stream().map(row -> (String) row.get("msg_id")).toList();
    }
}
