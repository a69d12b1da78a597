package io.leadlistener.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether lead events are flowing: the topic exists and the last send did not fail. Under wellness, never readiness:
 * while Kafka is away, or the topic missing, callbacks are still accepted and events wait in the outbox.
 * {@code topicState} says what the relay knows of the topic ({@link TopicState}), e.g. {@code missing, not allowed
 * to create; waiting}.
 */
@Wellness
@ApplicationScoped
public class OutboxRelayWellnessCheck implements HealthCheck {

    private final LeadEventTopic topic;
    private final OutboxRelay relay;
    private final OutboxClaims claims;
    private final EventsConfig config;

    public OutboxRelayWellnessCheck(LeadEventTopic topic, OutboxRelay relay, OutboxClaims claims,
                                    EventsConfig config) {
        this.topic = topic;
        this.relay = relay;
        this.claims = claims;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay").withData("topic", config.topic());
        OutboxClaims.OutboxBacklog backlog = null;
        try {
            backlog = QuarkusTransaction.requiringNew().call(claims::backlog);
            response.withData("pendingEvents", backlog.pending())
                    .withData("oldestPendingAgeSeconds", Math.round(backlog.oldestPendingAgeSeconds()))
                    .withData("maxLagSeconds", config.maxOutboxLag().toSeconds())
                    .withData("parkedEvents", backlog.parked());
        } catch (RuntimeException e) {
            response.withData("backlog", "unavailable: " + e.getClass().getSimpleName());
        }
        LeadEventTopic.Status topicStatus = topic.status();
        response.withData("topicState", topicStatus.state().description());
        if (topicStatus.partitions() > 0) {
            response.withData("topicPartitions", topicStatus.partitions())
                    .withData("topicReplicationFactor", topicStatus.replicationFactor());
        }
        if (!topicStatus.state().ready()) {
            return response.down().withData("error", topicStatus.detail()).build();
        }
        String lastError = relay.lastSendError();
        if (lastError != null) {
            return response.down().withData("error", "last send failed: " + lastError).build();
        }
        if (backlog != null && backlog.oldestPendingAgeSeconds() > config.maxOutboxLag().toSeconds()) {
            return response.down().withData("error", "the oldest unpublished event is "
                    + Math.round(backlog.oldestPendingAgeSeconds()) + " s old (limit "
                    + config.maxOutboxLag().toSeconds() + " s)").build();
        }
        return response.up().build();
    }
}
