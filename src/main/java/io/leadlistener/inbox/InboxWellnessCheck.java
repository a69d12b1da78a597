package io.leadlistener.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * Whether the inbox worker keeps up: pending rows and the age of the oldest, against the configured limits, and the
 * parked rows waiting for a human. Under wellness: a backlog means late leads, not that callbacks cannot be stored.
 */
@Wellness
@ApplicationScoped
public class InboxWellnessCheck implements HealthCheck {

    private final EntityManager entityManager;
    private final InboxConfig config;

    public InboxWellnessCheck(EntityManager entityManager, InboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("inbox")
                .withData("maxPending", config.health().maxPending())
                .withData("maxBacklogAgeSeconds", config.health().maxBacklogAge().toSeconds());
        Object[] row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                            select (select count(*) from inbox_message where status = 'pending'),
                                   (select extract(epoch from now() - min(received_at))
                                    from inbox_message where status = 'pending'),
                                   (select count(*) from inbox_message where status = 'parked')""")
                    .getSingleResult());
        } catch (RuntimeException e) {
            return response.down().withData("error", "inbox unavailable: " + e.getClass().getSimpleName()).build();
        }
        long pending = ((Number) row[0]).longValue();
        long oldestAge = row[1] == null ? 0 : Math.round(((Number) row[1]).doubleValue());
        long parked = ((Number) row[2]).longValue();
        response.withData("pendingRows", pending).withData("oldestPendingAgeSeconds", oldestAge)
                .withData("parkedRows", parked);
        if (pending > config.health().maxPending()) {
            return response.down().withData("error", pending + " rows pending (limit "
                    + config.health().maxPending() + ")").build();
        }
        if (oldestAge > config.health().maxBacklogAge().toSeconds()) {
            return response.down().withData("error", "the oldest pending row waited " + oldestAge + " s (limit "
                    + config.health().maxBacklogAge().toSeconds() + " s)").build();
        }
        return response.up().build();
    }
}
