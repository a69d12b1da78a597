package io.leadlistener.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.PartitionKeyExtensionInterceptor;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A CRM team's consumer built on the CloudEvents Java SDK ({@code cloudevents-kafka}'s {@link CloudEventDeserializer}
 * with {@code cloudevents-json-jackson}) reads every event type the service emits, from a running service: the
 * attributes, the {@code partitionkey} extension and the data are what the service wrote to its outbox. The same
 * events, as raw JSON, have the members of the examples in docs/events/README.md, so the catalog shows what is emitted.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
@QuarkusTestResource(value = ProfileReadingTenant.class, restrictToAnnotatedClass = true)
class CloudEventsSdkConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NULL = "=null";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theCloudEventsSdkReadsEveryEventTypeAsTheServiceSentIt() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // Lead A: an employee's message to the app creates the lead and is tagged.
        String employee = "sdk-" + run;
        String leadA = LeadIds.leadId("demo", LeadIds.INTERNAL, employee);
        postApp(WeComSimulator.textMessage(employee, "你好，能给个报价吗？", WeComSimulator.nextMsgId()));
        // Lead B: a WeCom customer added through the expo code (created; profile read), who then writes, and is removed.
        String customer = "wm" + run;
        String leadB = LeadIds.leadId("demo", LeadIds.EXTERNAL, customer);
        ProfileReadingTenant.wecom().externalContact(customer, profile());
        long now = Instant.now().getEpochSecond();
        postContacts(WeComSimulator.addExternalContactEvent("zhangsan", customer, "expo2026", now));

        List<ConsumerRecord<String, CloudEvent>> records;
        try (SdkConsumer consumer = new SdkConsumer(Set.of(leadA, leadB))) {
            // One step after the other, so that lead B's events have one order to check.
            consumer.awaitTypes(leadB, "lead.created.v1", "lead.profile-updated.v1");
            ingestExternal(customer, "zhangsan", "报价多少");
            consumer.awaitTypes(leadB, "lead.created.v1", "lead.profile-updated.v1", "lead.intent-tagged.v1");
            postContacts(WeComSimulator.contactEvent("del_follow_user", "zhangsan", customer, null, now + 1));
            consumer.awaitTypes(leadB, "lead.created.v1", "lead.profile-updated.v1", "lead.intent-tagged.v1",
                    "lead.contact-removed.v1");
            records = consumer.awaitTypes(leadA, "lead.created.v1", "lead.intent-tagged.v1");
        }

        assertThat(records.stream().map(record -> record.value().getType()).collect(Collectors.toSet()))
                .as("every type the service emits")
                .containsExactlyInAnyOrder(Arrays.stream(LeadEventType.values()).map(LeadEventType::type)
                        .toArray(String[]::new));
        InboxRows outbox = new InboxRows(dataSource);
        for (ConsumerRecord<String, CloudEvent> record : records) {
            assertIsWhatTheServiceSent(record, outbox);
        }
        assertThat(records.stream().filter(record -> record.value().getType().equals("lead.created.v1"))
                .map(record -> record.value().getId())).as("deterministic ids of the lead.created.v1 events")
                .containsExactlyInAnyOrder(EventIds.leadCreated("demo", leadA), EventIds.leadCreated("demo", leadB));

        // The same records as raw JSON: the catalog's examples show exactly their members.
        try (LeadEventsConsumer raw = new LeadEventsConsumer()) {
            List<Received> events = raw.pollUntil(r -> r.key().equals(leadA) || r.key().equals(leadB),
                    r -> r.size() >= records.size(), WAIT);
            assertThat(events).hasSize(records.size());
            for (Received event : events) {
                EventSchemas.assertValid(event.raw());
                assertTheCatalogShowsItsMembers(event.event());
            }
        }
    }

    /** The SDK's view of the record equals the outbox row the service wrote (with the partition key it adds). */
    private static void assertIsWhatTheServiceSent(ConsumerRecord<String, CloudEvent> record, InboxRows outbox)
            throws Exception {
        CloudEvent event = record.value();
        List<Map<String, Object>> rows = outbox.query("select payload from outbox_event where id = ?", event.getId());
        assertThat(rows).as("outbox row of event %s", event.getId()).hasSize(1);
        JsonNode sent = JSON.readTree((String) rows.get(0).get("payload"));
        String leadId = record.key();

        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getId()).isEqualTo(sent.get("id").asText());
        assertThat(event.getSource().toString()).isEqualTo(sent.get("source").asText()).startsWith("/tenants/demo/");
        assertThat(event.getType()).isEqualTo(sent.get("type").asText());
        assertThat(event.getSubject()).isEqualTo(sent.get("subject").asText()).isEqualTo(leadId);
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse(sent.get("time").asText()));
        assertThat(event.getDataContentType()).isEqualTo("application/json")
                .isEqualTo(sent.get("datacontenttype").asText());
        assertThat(event.getDataSchema()).hasToString(sent.get("dataschema").asText())
                .hasToString(LeadEventType.fromType(event.getType()).dataschema());
        // The SDK's name for the partitioning extension (the one its producer interceptor keys records by).
        assertThat(event.getExtension(PartitionKeyExtensionInterceptor.PARTITION_KEY_EXTENSION))
                .as("partitionkey extension of %s", event.getType()).isEqualTo(leadId);
        assertThat(event.getExtensionNames()).containsExactly(CloudEventsJson.PARTITION_KEY);
        assertThat(event.getData()).as("data of %s", event.getType()).isNotNull();
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data).isEqualTo(sent.get("data"));
        assertThat(data.get("leadId").asText()).isEqualTo(leadId);
    }

    /**
     * The emitted event has the envelope members of the catalog's examples of its type, in their order, the same
     * members in {@code data}, and nothing (at any depth) that no example of its type shows.
     */
    private static void assertTheCatalogShowsItsMembers(JsonNode emitted) {
        String type = emitted.get("type").asText();
        List<JsonNode> examples = PublishedSchemasTest.catalogExamples().stream()
                .filter(example -> example.get("type").asText().equals(type)).toList();
        assertThat(examples).as("examples of %s in docs/events/README.md", type).isNotEmpty();
        Set<String> documented = new TreeSet<>();
        for (JsonNode example : examples) {
            assertThat(names(example)).as("envelope of %s: emitted vs. documented", type)
                    .containsExactlyElementsOf(names(emitted));
            assertThat(names(example.get("data"))).as("data members of %s: emitted vs. documented", type)
                    .containsExactlyInAnyOrderElementsOf(names(emitted.get("data")));
            documented.addAll(paths(example, ""));
        }
        // A null object (owner, message: "null when not known") is shown by an example that has the object.
        assertThat(paths(emitted, "")).as("members of %s that no example shows: %s", type, documented)
                .allSatisfy(path -> assertThat(documented.contains(path) || path.endsWith(NULL)
                        && documented.stream().anyMatch(shown -> shown.startsWith(
                                path.substring(0, path.length() - NULL.length()) + "/"))).as(path).isTrue());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every leaf's path, array positions folded, nulls marked: {@code /data/matches[]/keyword}, {@code /data/owner=null}. */
    private static Set<String> paths(JsonNode node, String path) {
        Set<String> paths = new LinkedHashSet<>();
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(field -> paths.addAll(paths(field.getValue(), path + "/" + field.getKey())));
        } else if (node.isArray() && node.size() > 0) {
            node.forEach(element -> paths.addAll(paths(element, path + "[]")));
        } else {
            paths.add(node.isNull() ? path + NULL : path);
        }
        return paths;
    }

    /** WeCom's answer to {@code externalcontact/get}: every profile field the catalog documents. */
    private static ObjectNode profile() {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("external_contact").put("name", "李雷").put("type", 2).put("corp_name", "腾讯科技")
                .put("position", "采购经理").put("gender", 1).put("unionid", "oUnion-example");
        answer.putArray("follow_user").addObject().put("userid", "zhangsan").put("remark", "李总-深圳")
                .put("createtime", 1_795_514_280L).put("add_way", 1).put("state", "expo2026");
        return answer;
    }

    /** The topic read from the beginning with the SDK's deserializer, as a consumer team would. */
    private static final class SdkConsumer implements AutoCloseable {

        private final KafkaConsumer<String, CloudEvent> consumer;
        private final Set<String> leads;
        private final List<ConsumerRecord<String, CloudEvent>> received = new ArrayList<>();

        SdkConsumer(Set<String> leads) {
            this.leads = leads;
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, "sdk-consumer-" + UUID.randomUUID());
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
            consumer = new KafkaConsumer<>(properties);
            consumer.subscribe(List.of(ConfigProvider.getConfig().getValue("leadlistener.events.topic",
                    String.class)));
        }

        /**
         * Polls until {@code leadId}'s events are exactly {@code types}, in this order.
         *
         * @return every record of the leads read so far
         */
        List<ConsumerRecord<String, CloudEvent>> awaitTypes(String leadId, String... types) {
            Predicate<List<String>> done = seen -> seen.equals(List.of(types));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.test(types(leadId)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (leads.contains(record.key())) {
                        received.add(record);
                    }
                }
            }
            assertThat(types(leadId)).as("event types of lead %s", leadId).containsExactly(types);
            return List.copyOf(received);
        }

        private List<String> types(String leadId) {
            return received.stream().filter(record -> record.key().equals(leadId))
                    .map(record -> record.value().getType()).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static void postApp(String plaintext) {
        SignedCallback signed = WeComSimulator.sign(plaintext);
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);
    }

    private static void postContacts(String plaintext) {
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.CONTACTS_SECRET, WeComSimulator.DEMO_CORP_ID,
                plaintext, Instant.now().getEpochSecond());
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo/contacts").then().statusCode(200);
    }

    private static void ingestExternal(String customer, String owner, String text) {
        given().auth().oauth2("test-ingest-token").contentType(ContentType.JSON).body("{\"tenant\": \"demo\","
                        + " \"channel\": \"wecom-archive\", \"contactKind\": \"external\", \"contactId\": \"" + customer
                        + "\", \"messageId\": \"sdk-" + UUID.randomUUID() + "\", \"ownerUserId\": \"" + owner
                        + "\", \"text\": \"" + text + "\"}")
                .when().post("/api/v1/messages").then().statusCode(anyOf(is(202), is(200)));
    }
}
