package io.leadlistener.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Makes sure the lead events topic exists before the relay sends, and remembers why not when it cannot. */
@ApplicationScoped
public class LeadEventTopic {

    private final Map<String, Object> kafkaConfig;
    private final EventsConfig config;
    private volatile boolean ready;
    private volatile String problem = "not checked yet";

    public LeadEventTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EventsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    /** @return whether the topic exists (now or already) */
    boolean ensure() {
        if (ready) {
            return true;
        }
        Map<String, Object> adminConfig = KafkaClientConfig.passThrough(kafkaConfig, AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "wecom-lead-listener-topic");
        try (AdminClient admin = AdminClient.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(config.topic(), config.partitions(), config.replicationFactor())))
                    .all().get(6, TimeUnit.SECONDS);
            markReady();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                markReady();
            } else {
                problem = "cannot create topic " + config.topic() + ": " + e.getCause();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while creating topic " + config.topic();
        } catch (Exception e) {
            problem = "cannot reach Kafka to create topic " + config.topic() + ": " + e;
        }
        return ready;
    }

    private void markReady() {
        ready = true;
        problem = null;
    }

    boolean isReady() {
        return ready;
    }

    /** Why the topic is not ready, or null. */
    String problem() {
        return problem;
    }
}
