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
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7: SIGTERM while callbacks arrive and the worker and relay are busy. The packaged app must stop accepting,
 * finish the rows and sends it has in hand — none is interrupted into a failure or a resend — and exit on its own;
 * a restart then delivers everything that was acknowledged, once.
 */
@ExtendWith(PackagedAppEnvironment.class)
class GracefulShutdownIT {

    private static final int CONTACTS = 10;
    private static final int MESSAGES_PER_CONTACT = 12;
    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void sigtermFinishesWorkInHandExitsAndLosesNothing(Scope scope) throws Exception {
        InboxRows db = new InboxRows(scope.dataSource());
        List<Conversation> conversations = new ArrayList<>();
        for (int contact = 0; contact < CONTACTS; contact++) {
            conversations.add(Conversation.of(scope.name() + "-" + contact, MESSAGES_PER_CONTACT));
        }
        Set<String> acked = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(CONTACTS);
        PackagedApp first = PackagedApp.start(scope.name() + "-first", scope.applicationConfig(), START);
        PackagedApp restarted = null;
        try {
            URI firstUri = first.baseUri();
            List<Future<Integer>> sending = new ArrayList<>();
            for (Conversation conversation : conversations) {
                sending.add(pool.submit(() -> sendUntilRefused(http, firstUri, conversation, 0, acked)));
            }
            await("the app busy with acknowledged work").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> acked.size() >= CONTACTS * MESSAGES_PER_CONTACT / 3
                            && db.queryLong("select count(*) from outbox_event where published_at is not null") > 0);

            OptionalInt exit = first.terminate(Duration.ofSeconds(40));

            assertThat(exit).as("%s exited on its own after SIGTERM", first).isPresent();
            assertThat(exit.getAsInt()).as("exit code of %s", first).isIn(0, 143);
            List<Integer> sentBeforeStop = new ArrayList<>();
            for (Future<Integer> send : sending) {
                sentBeforeStop.add(send.get());
            }
            assertThat(db.countWhere("last_error is not null"))
                    .as("inbox rows whose processing was cut short by the shutdown").isZero();
            assertThat(db.query("select id, attempts, last_error from outbox_event where last_error is not null"))
                    .as("outbox events whose send was cut short by the shutdown").isEmpty();
            assertThat(first.logged(java.util.regex.Pattern.compile("failed, will retry|not published")))
                    .as("failures logged during the shutdown").isEmpty();

            restarted = PackagedApp.start(scope.name() + "-restarted", scope.applicationConfig(), START);
            URI restartedUri = restarted.baseUri();
            sending.clear();
            for (int i = 0; i < conversations.size(); i++) {
                Conversation conversation = conversations.get(i);
                int from = sentBeforeStop.get(i);
                sending.add(pool.submit(() -> sendUntilRefused(http, restartedUri, conversation, from, acked)));
            }
            for (Future<Integer> send : sending) {
                assertThat(send.get()).isEqualTo(MESSAGES_PER_CONTACT);
            }
            int total = CONTACTS * MESSAGES_PER_CONTACT;
            await("every message processed and every event published").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> db.countWhere("status = 'done'") == total
                            && db.queryLong("select count(*) from outbox_event where published_at is null") == 0);

            DeliveredLeadEvents delivered;
            try (LeadEventsConsumer consumer = scope.consumer()) {
                consumer.pollUntil(record -> true, records -> records.stream().map(LeadEventsConsumer.Received::id)
                        .distinct().count() >= total + CONTACTS, Duration.ofSeconds(30));
                delivered = DeliveredLeadEvents.of(consumer.pollUntil(record -> true, records -> false,
                        Duration.ofSeconds(1)));
            }
            assertThat(delivered.redeliveries()).as("records sent twice because a send was cut short").isZero();
            for (Conversation conversation : conversations) {
                delivered.assertHistory(conversation.leadId(), conversation.messageIds());
            }
        } finally {
            pool.shutdownNow();
            first.close();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    /** Plays WeCom for one contact from message {@code from} on, until the app refuses; returns where it stopped. */
    private static int sendUntilRefused(HttpClient http, URI app, Conversation conversation, int from,
                                        Set<String> acked) {
        int next = from;
        while (next < conversation.messages().size()) {
            Conversation.Message message = conversation.messages().get(next);
            try {
                if (WeComSimulator.deliver(http, app, message.plaintext()) != 200) {
                    return next;
                }
            } catch (IOException e) {
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return next;
            }
            acked.add(message.msgId());
            next++;
        }
        return next;
    }
}
