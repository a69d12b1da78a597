package io.leadlistener.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka producer of the relay: idempotent, {@code acks=all}, key = leadId, value = the CloudEvent JSON with the
 * {@code partitionkey} extension (= leadId).
 * Everything under {@code kafka.*} (bootstrap servers, SASL/TLS) passes through; the delivery guarantees here
 * cannot be overridden.
 */
@ApplicationScoped
public class LeadEventProducer {

    private static final byte[] CLOUDEVENTS_JSON = LeadEventTransport.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private final Map<String, Object> kafkaConfig;
    private final CloudEventsJson cloudEvents;
    private KafkaProducer<String, String> producer;

    public LeadEventProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                             ObjectMapper objectMapper) {
        this.kafkaConfig = kafkaConfig;
        this.cloudEvents = new CloudEventsJson(objectMapper);
    }

    /** @param traceHeaders trace context for the consumer ({@code traceparent}); empty when tracing is off */
    Future<RecordMetadata> send(String topic, PendingEvent event, Map<String, String> traceHeaders) {
        // Structured mode: the partitionkey extension is a member of the value, like every other attribute.
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.leadId(),
                cloudEvents.withPartitionKey(event.payload(), event.leadId()));
        record.headers().add(LeadEventTransport.CONTENT_TYPE_HEADER, CLOUDEVENTS_JSON);
        traceHeaders.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer().send(record);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = KafkaClientConfig.passThrough(kafkaConfig, ProducerConfig.configNames());
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            // The relay waits for each round's acknowledgements, so batching by lingering only adds latency.
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "wecom-lead-listener-relay");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
