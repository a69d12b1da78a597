package io.leadlistener.events;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

/**
 * Makes sure the lead events topic exists before the relay sends, and remembers why not when it does not. It
 * <em>describes</em> the topic first, and creates it only when it is missing and creating is allowed
 * ({@code leadlistener.events.create-topic}); where creating is switched off or refused (no Create ACL) it waits for
 * someone else to create it, checking again every few seconds. Events wait in the outbox meanwhile: nothing is lost.
 */
@ApplicationScoped
public class LeadEventTopic {

    private static final Logger LOG = Logger.getLogger(LeadEventTopic.class);
    private static final int TIMEOUT_MS = 5000;

    private final Map<String, Object> kafkaConfig;
    private final Settings settings;
    private final Duration recheckInterval;
    private volatile Status status = new Status(TopicState.NOT_CHECKED, "not checked yet", 0, 0);
    private long nextCheckNanos = System.nanoTime();

    /**
     * The topic as the service would create it.
     *
     * @param createAllowed whether the service may create it when missing
     */
    record Settings(String name, int partitions, short replicationFactor, int minInsyncReplicas,
                    boolean createAllowed) {

        Settings {
            if (minInsyncReplicas > replicationFactor) {
                // Every acks=all send would then fail with NotEnoughReplicas: refuse to start instead.
                throw new IllegalArgumentException("leadlistener.events.min-insync-replicas (" + minInsyncReplicas
                        + ") must not exceed leadlistener.events.replication-factor (" + replicationFactor + ")");
            }
        }

        static Settings of(EventsConfig config) {
            return new Settings(config.topic(), config.partitions(), config.replicationFactor(),
                    config.minInsyncReplicas(), config.createTopic());
        }
    }

    /**
     * What the last check found.
     *
     * @param detail            why events wait (the broker's answer), or what was found
     * @param partitions        of the topic as found or created; 0 when unknown
     * @param replicationFactor of the topic as found or created; 0 when unknown
     */
    record Status(TopicState state, String detail, int partitions, int replicationFactor) {
    }

    @Inject
    public LeadEventTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EventsConfig config) {
        this(kafkaConfig, Settings.of(config), config.relay().maxBackoff().compareTo(Duration.ofSeconds(5)) < 0
                ? config.relay().maxBackoff() : Duration.ofSeconds(5));
    }

    LeadEventTopic(Map<String, Object> kafkaConfig, Settings settings, Duration recheckInterval) {
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
        this.recheckInterval = recheckInterval;
    }

    /** Instantiated at start-up, so that bad topic settings stop the start (naming the keys), not the first send. */
    void announce(@Observes StartupEvent event) {
        LOG.infof("Lead events topic %s: %s", settings.name(), settings.createAllowed()
                ? "created if missing (" + settings.partitions() + " partitions, replication factor "
                        + settings.replicationFactor() + ", min.insync.replicas " + settings.minInsyncReplicas() + ")"
                : "never created by this service (leadlistener.events.create-topic=false)");
    }

    /**
     * Checks the topic unless it was found ready already or checked less than the re-check interval ago.
     *
     * @return whether events may be sent
     */
    synchronized boolean ensure() {
        if (status.state().ready()) {
            return true;
        }
        if (System.nanoTime() - nextCheckNanos < 0) {
            return false;
        }
        Status checked = check();
        nextCheckNanos = System.nanoTime() + recheckInterval.toNanos();
        if (checked.state() != status.state() || !checked.detail().equals(status.detail())) {
            log(checked);
        }
        status = checked;
        return checked.state().ready();
    }

    /** Describes the topic, and creates it if missing and allowed. */
    private Status check() {
        Map<String, Object> adminConfig = KafkaClientConfig.passThrough(kafkaConfig, AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "wecom-lead-listener-topic");
        try (Admin admin = Admin.create(adminConfig)) {
            Status described = describe(admin);
            if (described != null) {
                return described;
            }
            if (!settings.createAllowed()) {
                return new Status(TopicState.MISSING_CREATION_OFF, "topic " + settings.name()
                        + " does not exist and leadlistener.events.create-topic is false: waiting for it to be "
                        + "created", 0, 0);
            }
            return create(admin);
        } catch (RuntimeException e) {
            return new Status(TopicState.UNKNOWN, "cannot reach Kafka to check topic " + settings.name() + ": " + e,
                    0, 0);
        }
    }

    /** @return the topic as found, a reason why it is not known, or null when it is missing */
    private Status describe(Admin admin) {
        try {
            TopicDescription description = admin.describeTopics(List.of(settings.name())).allTopicNames()
                    .get(TIMEOUT_MS + 1000L, TimeUnit.MILLISECONDS).get(settings.name());
            return found(TopicState.EXISTS, description);
        } catch (ExecutionException e) {
            TopicState state = TopicState.afterDescribeFailure(e.getCause());
            if (state == null) {
                return null;
            }
            return new Status(state, (state == TopicState.NOT_ALLOWED_TO_DESCRIBE
                    ? "not allowed to describe topic " + settings.name() + " (needs the Describe ACL): "
                    : "cannot describe topic " + settings.name() + ": ") + e.getCause(), 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(TopicState.UNKNOWN, "interrupted while describing topic " + settings.name(), 0, 0);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Status(TopicState.UNKNOWN, "no answer from Kafka describing topic " + settings.name(), 0, 0);
        }
    }

    private Status create(Admin admin) {
        NewTopic topic = new NewTopic(settings.name(), settings.partitions(), settings.replicationFactor())
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        Integer.toString(settings.minInsyncReplicas())));
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_MS + 1000L, TimeUnit.MILLISECONDS);
            return new Status(TopicState.CREATED, "created topic " + settings.name() + " with "
                    + settings.partitions() + " partitions, replication factor " + settings.replicationFactor()
                    + ", min.insync.replicas " + settings.minInsyncReplicas(), settings.partitions(),
                    settings.replicationFactor());
        } catch (ExecutionException e) {
            TopicState state = TopicState.afterCreateFailure(e.getCause());
            if (state == TopicState.EXISTS) {
                Status described = describe(admin);
                return described != null ? described : new Status(TopicState.EXISTS, "topic " + settings.name()
                        + " was created meanwhile", 0, 0);
            }
            return new Status(state, (state == TopicState.MISSING_NOT_ALLOWED
                    ? "topic " + settings.name() + " does not exist and the broker refused to create it (grant "
                    + "Create, or create the topic): "
                    : "topic " + settings.name() + " does not exist and creating it failed: ") + e.getCause(), 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(TopicState.UNKNOWN, "interrupted while creating topic " + settings.name(), 0, 0);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Status(TopicState.UNKNOWN, "no answer from Kafka creating topic " + settings.name(), 0, 0);
        }
    }

    private static Status found(TopicState state, TopicDescription description) {
        int partitions = description.partitions().size();
        int replicationFactor = partitions == 0 ? 0 : description.partitions().get(0).replicas().size();
        return new Status(state, "topic " + description.name() + " exists with " + partitions
                + " partitions, replication factor " + replicationFactor, partitions, replicationFactor);
    }

    private void log(Status checked) {
        if (checked.state().ready()) {
            LOG.infof("Lead events: %s", checked.detail());
        } else {
            LOG.warnf("Lead events wait in the outbox (topic %s: %s): %s", settings.name(),
                    checked.state().description(), checked.detail());
        }
    }

    String name() {
        return settings.name();
    }

    /** What the last check found. */
    Status status() {
        return status;
    }

    /** How long the relay waits before asking {@link #ensure()} again while the topic is not ready. */
    Duration recheckInterval() {
        return recheckInterval;
    }
}
