package io.leadlistener.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's topic check against the real test broker, each case on a topic of its own: a missing topic is created
 * with the configured partitions, replication factor and {@code min.insync.replicas}; an existing one is described and
 * left as it is; with creation switched off a missing one stays missing and the check says it waits.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class LeadEventTopicTest {

    private Admin admin;
    private Map<String, Object> kafkaConfig;

    @BeforeEach
    void connect() {
        kafkaConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        admin = Admin.create(kafkaConfig);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void aMissingTopicIsCreatedWithTheConfiguredPartitionsReplicationFactorAndMinInSyncReplicas() throws Exception {
        String name = topicName("created");
        // The test broker is a single node: replication factor and min.insync.replicas 1, set explicitly.
        LeadEventTopic topic = topic(new LeadEventTopic.Settings(name, 3, (short) 1, 1, true));

        assertThat(topic.ensure()).isTrue();

        assertThat(topic.status().state()).isEqualTo(TopicState.CREATED);
        TopicDescription description = describe(name);
        assertThat(description.partitions()).hasSize(3)
                .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
        ConfigEntry minInsync = config(name).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        assertThat(minInsync.value()).isEqualTo("1");
        assertThat(minInsync.source()).as("set on the topic, not the broker's default")
                .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(topic.status()).extracting(LeadEventTopic.Status::partitions,
                LeadEventTopic.Status::replicationFactor).containsExactly(3, 1);
    }

    @Test
    void anExistingTopicIsDescribedAndLeftAsItIs() throws Exception {
        String name = topicName("existing");
        admin.createTopics(List.of(new NewTopic(name, 2, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "86400000")))).all().get(10, TimeUnit.SECONDS);
        Set<Integer> leaders = Set.copyOf(describe(name).partitions().stream().map(TopicPartitionInfo::partition)
                .toList());

        // Settings that differ from the topic's: had it been re-created, it would have 6 partitions.
        LeadEventTopic topic = topic(new LeadEventTopic.Settings(name, 6, (short) 1, 1, true));
        assertThat(topic.ensure()).isTrue();

        assertThat(topic.status().state()).isEqualTo(TopicState.EXISTS);
        assertThat(topic.status().detail()).contains("exists with 2 partitions, replication factor 1");
        assertThat(describe(name).partitions()).hasSize(2).extracting(TopicPartitionInfo::partition)
                .containsExactlyInAnyOrderElementsOf(leaders);
        assertThat(config(name).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("86400000");
        assertThat(config(name).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).source())
                .as("the service set nothing on a topic it found").isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    @Test
    void withCreationOffAMissingTopicIsWaitedForNotCreatedThenFoundOnceSomeoneCreatesIt() throws Exception {
        String name = topicName("platform");
        LeadEventTopic topic = topic(new LeadEventTopic.Settings(name, 6, (short) 1, 1, false));

        assertThat(topic.ensure()).isFalse();
        assertThat(topic.status().state()).isEqualTo(TopicState.MISSING_CREATION_OFF);
        assertThat(topic.status().detail()).contains(name).contains("leadlistener.events.create-topic is false");
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(name);

        admin.createTopics(List.of(new NewTopic(name, 4, (short) 1))).all().get(10, TimeUnit.SECONDS);
        // Checked again after each re-check interval (0 here); the new topic's metadata takes a moment to spread.
        await().atMost(Duration.ofSeconds(15)).until(topic::ensure);
        assertThat(topic.status().state()).isEqualTo(TopicState.EXISTS);
        assertThat(describe(name).partitions()).hasSize(4);
    }

    private LeadEventTopic topic(LeadEventTopic.Settings settings) {
        return new LeadEventTopic(kafkaConfig, settings, Duration.ZERO);
    }

    private TopicDescription describe(String name) throws Exception {
        return admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
    }

    private Config config(String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
    }

    private static String topicName(String what) {
        return "topic-test-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
