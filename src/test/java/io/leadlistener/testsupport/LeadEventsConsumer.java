package io.leadlistener.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** A real Kafka consumer of the lead events topic, reading from the beginning, for end-to-end assertions. */
public final class LeadEventsConsumer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    /** @param traceParent the record's {@code traceparent} header; null when tracing was off */
    public record Received(String key, String contentType, JsonNode event, String raw, int partition, long offset,
                           String traceParent) {
        public String id() {
            return event.path("id").asText();
        }

        public String type() {
            return event.path("type").asText();
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    /** Reads the topic and broker of the application under test ({@code @QuarkusTest}). */
    public LeadEventsConsumer() {
        this(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConfigProvider.getConfig().getOptionalValue("leadlistener.events.topic", String.class)
                        .orElse("crm.lead-events"));
    }

    /** Reads {@code topic} on {@code bootstrapServers}: for applications configured from outside the test JVM. */
    public LeadEventsConsumer(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code enough} holds for the records matching {@code filter}, or the timeout passes. */
    public List<Received> pollUntil(Predicate<Received> filter, Predicate<List<Received>> enough, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(filter).toList();
            if (enough.test(matching) || System.nanoTime() > deadline) {
                return matching;
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    received.add(new Received(record.key(), header(record, "content-type"),
                            JSON.readTree(record.value()), record.value(), record.partition(), record.offset(),
                            header(record, "traceparent")));
                } catch (Exception e) {
                    throw new IllegalStateException("record is not JSON: " + record.value(), e);
                }
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** All records for one lead seen so far after polling for {@code duration}. */
    public List<Received> forLead(String leadId, Duration duration) {
        return pollUntil(record -> leadId.equals(record.key()), records -> false, duration);
    }

    public static Map<String, Object> asMap(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
