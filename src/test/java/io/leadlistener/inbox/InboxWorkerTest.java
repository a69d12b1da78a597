package io.leadlistener.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class InboxWorkerTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InboxTextPurge purge;

    @TestHTTPResource("/wecom/callback/demo")
    URI callbackUri;

    private InboxRows inbox;

    @BeforeEach
    void setUp() {
        inbox = new InboxRows(dataSource);
    }

    @Test
    void concurrentDeliveriesWithRetriesStoreEachMessageOnceAndAllAreProcessedInContactOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> contacts = List.of("alice-" + run, "bob-" + run, "carol-" + run, "dave-" + run, "erin-" + run);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            messages.add(WeComSimulator.textMessage(contacts.get(i % contacts.size()), "第" + i + "条：报价多少？",
                    WeComSimulator.nextMsgId()));
        }
        List<String> deliveries = new ArrayList<>(messages);
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            deliveries.add(messages.get(random.nextInt(messages.size())));
        }
        Collections.shuffle(deliveries, random);

        List<Integer> statuses = deliverConcurrently(deliveries, 32);

        assertThat(statuses).hasSize(200).containsOnly(200);
        String contactFilter = "from_user like '%-" + run + "'";
        assertThat(inbox.countWhere(contactFilter)).isEqualTo(150);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inbox.countWhere(contactFilter + " and status = 'done'")).isEqualTo(150));
        for (String contact : contacts) {
            List<Map<String, Object>> rows = inbox.rows("contact_key = ?", "user:" + contact);
            assertThat(rows).extracting(row -> (Timestamp) row.get("processed_at"))
                    .as("rows of %s are processed in id order", contact)
                    .isSortedAccordingTo(Timestamp::compareTo);
            assertThat((String) rows.get(0).get("outcome"))
                    .contains("\"type\":\"text\"", "\"from\":\"" + contact + "\"", "\"contentLength\":");
        }
    }

    @Test
    void parksAPoisonedRowAfterItsAttemptsAndThenLetsTheContactsLaterRowsThrough() throws Exception {
        String contact = "poisoned-" + UUID.randomUUID().toString().substring(0, 8);
        inbox.update("""
                insert into inbox_message (tenant_id, source, dedupe_key, contact_key, msg_type, from_user, payload)
                values ('demo', 'wecom-callback', ?, ?, 'text', ?, '<xml><broken')""",
                "poison-" + contact, "user:" + contact, contact);
        String msgId = WeComSimulator.nextMsgId();
        List<Integer> statuses = deliverConcurrently(List.of(WeComSimulator.textMessage(contact, "能寄样品吗", msgId)), 1);
        assertThat(statuses).containsExactly(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inbox.countWhere("dedupe_key = ? and status = 'parked'", "poison-" + contact)).isEqualTo(1));
        Map<String, Object> parked = inbox.rows("dedupe_key = ?", "poison-" + contact).get(0);
        assertThat(parked.get("attempts")).isEqualTo(3);
        assertThat((String) parked.get("last_error")).contains("MalformedCallbackXmlException");
        assertThat(parked.get("parked_at")).isNotNull();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inbox.countWhere("msg_id = ? and status = 'done'", msgId)).isEqualTo(1));
        Timestamp laterProcessed = (Timestamp) inbox.rows("msg_id = ?", msgId).get(0).get("processed_at");
        assertThat(laterProcessed).as("the later row waited for the poisoned one")
                .isAfterOrEqualTo((Timestamp) parked.get("parked_at"));
    }

    @Test
    void aRowThatFailsInsideABatchCostsOnlyItsOwnAttemptWhileTheOthersCompleteAtOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String contact = "batch-" + i + "-" + run;
            // The broken row sits in the middle, so good rows are handled before and after it in the same batch.
            String payload = i == 4 ? "<xml><broken" : "<xml><FromUserName><![CDATA[" + contact
                    + "]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                    + "<Content><![CDATA[你好]]></Content><MsgId>" + run + i + "</MsgId></xml>";
            values.append(i == 0 ? "" : ", ").append("('demo', 'wecom-callback', ?, ?, 'text', ?, ?)");
            parameters.addAll(List.of("batch-" + run + "-" + i, "user:" + contact, contact, payload));
        }
        // One statement, one transaction: the worker sees all eight rows at once and claims them as one batch.
        inbox.update("insert into inbox_message (tenant_id, source, dedupe_key, contact_key, msg_type, from_user, "
                + "payload) values " + values, parameters.toArray());

        String ours = "dedupe_key like 'batch-" + run + "-%'";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(inbox.countWhere(ours + " and status = 'done'")).isEqualTo(7);
            assertThat(inbox.countWhere(ours + " and status = 'parked'")).isEqualTo(1);
        });
        List<Map<String, Object>> rows = inbox.rows(ours);
        Map<String, Object> broken = rows.get(4);
        assertThat(broken.get("status")).isEqualTo("parked");
        assertThat(broken.get("attempts")).isEqualTo(3);
        for (Map<String, Object> row : rows) {
            if (row != broken) {
                assertThat(row.get("attempts")).as("the batch's rollback is not counted against %s",
                        row.get("dedupe_key")).isEqualTo(1);
                assertThat((Timestamp) row.get("processed_at"))
                        .as("%s did not wait for the broken row's retries", row.get("dedupe_key"))
                        .isBefore((Timestamp) broken.get("parked_at"));
            }
        }
    }

    @Test
    void purgesTextOfProcessedRowsPastRetentionButKeepsTheRowsAndPendingText() {
        String marker = UUID.randomUUID().toString();
        insertAged("old-done-" + marker, "done", 31);
        insertAged("old-parked-" + marker, "parked", 40);
        insertAged("old-pending-" + marker, "pending", 31);
        insertAged("recent-done-" + marker, "done", 1);

        purge.purgeExpiredText();

        assertThat(payloadOf("old-done-" + marker)).isNull();
        assertThat(payloadOf("old-parked-" + marker)).isNull();
        assertThat(payloadOf("old-pending-" + marker)).isNotNull();
        assertThat(payloadOf("recent-done-" + marker)).isNotNull();
        Map<String, Object> purged = inbox.rows("dedupe_key = ?", "old-done-" + marker).get(0);
        assertThat(purged.get("text_purged_at")).isNotNull();
        assertThat(purged.get("content_length")).isEqualTo(5);
        assertThat(purged.get("outcome")).isEqualTo("{\"type\":\"text\"}");
    }

    private void insertAged(String dedupeKey, String status, int ageDays) {
        // Held by the worker's own contact lock: a pending row here is never picked up because it is not due.
        inbox.update("""
                insert into inbox_message (tenant_id, source, dedupe_key, contact_key, msg_type, content_length,
                    payload, status, outcome, received_at, next_attempt_at)
                values ('demo', 'test', ?, ?, 'text', 5, '<xml>secret text</xml>', ?, '{"type":"text"}',
                    now() - make_interval(days => ?), now() + interval '1 day')""",
                dedupeKey, "user:" + dedupeKey, status, ageDays);
    }

    private String payloadOf(String dedupeKey) {
        return (String) inbox.rows("dedupe_key = ?", dedupeKey).get(0).get("payload");
    }

    private List<Integer> deliverConcurrently(List<String> plaintexts, int threads) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> calls = plaintexts.stream()
                    .<Callable<Integer>>map(xml -> () -> deliver(client, xml))
                    .toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private int deliver(HttpClient client, String xml) throws Exception {
        SignedCallback signed = WeComSimulator.sign(xml);
        String query = signed.queryParameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUri + "?" + query))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(signed.envelopeXml("1000002")))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
