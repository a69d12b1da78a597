package io.leadlistener.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real Kafka consumer of the lead events topic that ties each {@code lead.intent-tagged.v1} back to the callback
 * that caused it by the event's source message id ({@code data.message.id} = the WeCom MsgId, see
 * docs/events/README.md) and records the callback → Kafka latency in that callback's phase.
 *
 * <p>"Visible to a consumer" is the moment {@code poll} hands us the record; the consumer reads committed records
 * only, as a CRM consumer would.
 */
final class LeadEventsWatcher implements ArrivalWatcher, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTENT_TAGGED = "lead.intent-tagged.v1";

    private final ExpectedArrivals expected = new ExpectedArrivals();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final AtomicLong records = new AtomicLong();
    private volatile boolean running = true;
    private volatile Throwable failure;

    LeadEventsWatcher(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "load-harness-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    assigned.countDown();
                }
            }
        });
        thread = new Thread(this::pollLoop, "lead-events-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the consumer owns the topic's partitions, so no record of the run can be missed. */
    void awaitAssignment(Duration timeout) throws InterruptedException {
        if (!assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the Kafka consumer got no partition of the lead events topic in "
                    + timeout + (failure == null ? "" : ": " + failure));
        }
    }

    @Override
    public ExpectedArrivals expected() {
        return expected;
    }

    /** Records consumed, and intent-tagged records that match no expected callback (lead.created.v1 is not). */
    @Override
    public String tally() {
        return records.get() + " records consumed, " + expected.unmatched()
                + " intent-tagged records of no callback of this run";
    }

    private void pollLoop() {
        try {
            while (running) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> record : batch) {
                    records.incrementAndGet();
                    JsonNode event = JSON.readTree(record.value());
                    if (!INTENT_TAGGED.equals(event.path("type").asText())) {
                        continue;
                    }
                    expected.arrived(event.path("data").path("message").path("id").asText(), now);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure = e;
            System.err.println("lead events watcher failed: " + e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the Kafka consumer failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
