package io.leadlistener.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

@ConfigMapping(prefix = "leadlistener.events")
public interface EventsConfig {

    /** Kafka topic of lead events (the contract's {@code crm.lead-events}). */
    @WithDefault("crm.lead-events")
    @NotBlank
    String topic();

    /** Partitions when the relay has to create the topic; ignored when it exists. */
    @WithDefault("6")
    @Min(1)
    int partitions();

    /** Replication factor when the relay has to create the topic (1 for a single dev broker; 3 in production). */
    @WithDefault("1")
    @Min(1)
    short replicationFactor();

    /**
     * The topic's {@code min.insync.replicas} when the relay creates it: with the producer's {@code acks=all}, how
     * many replicas must have an event before it counts as published (1 for a single broker; 2 with 3 replicas).
     * At most {@code replication-factor}. Ignored when the topic exists.
     */
    @WithDefault("1")
    @Min(1)
    int minInsyncReplicas();

    /**
     * Whether the relay may create the topic when it finds it missing (dev, tests, small installs). Off where a
     * platform team creates topics: the relay then waits for the topic, events stay in the outbox, and wellness says
     * so. The relay also waits when the broker refuses the creation (no Create ACL), whatever this says.
     */
    @WithDefault("true")
    boolean createTopic();

    Relay relay();

    /**
     * The outbox lag at which the {@code outbox-relay} wellness check turns DOWN: the oldest unpublished event waited
     * longer than this (Kafka slow or away, or the relay stuck).
     */
    @WithDefault("1m")
    Duration maxOutboxLag();

    interface Relay {
        /** Relay threads per replica; events of one lead are never in flight twice whatever this is. */
        @WithDefault("1")
        @Min(0)
        @Max(16)
        int threads();

        /** Leads whose oldest pending event one round sends together. */
        @WithDefault("200")
        @Min(1)
        @Max(5000)
        int batchSize();

        @WithDefault("200ms")
        Duration pollInterval();

        /**
         * How long the relay waits after a wake-up, or after a round that sent less than a quarter of
         * {@code batch-size}, before claiming again, so that events written meanwhile share one claim and one commit.
         * Adds at most this much to an event's latency; 0 claims at once.
         */
        @WithDefault("5ms")
        Duration linger();

        /**
         * Attempts after which an event the broker refuses for what it is (too large, unserializable) is parked.
         * Events that fail because the broker is unreachable are never parked: they wait.
         */
        @WithDefault("5")
        @Min(1)
        int maxAttempts();

        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long one round waits for the broker's acknowledgements. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Published events are deleted after this; the topic is the record from then on. */
        @WithDefault("7d")
        Duration publishedRetention();
    }
}
