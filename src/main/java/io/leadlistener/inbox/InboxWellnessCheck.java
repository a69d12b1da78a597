package io.leadlistener.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final InboxBacklog backlog;
    private final InboxConfig config;

    public InboxWellnessCheck(InboxBacklog backlog, InboxConfig config) {
        this.backlog = backlog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("inbox")
                .withData("maxPending", config.health().maxPending())
                .withData("maxBacklogAgeSeconds", config.health().maxBacklogAge().toSeconds());
        InboxBacklog.Figures figures;
        try {
            figures = QuarkusTransaction.requiringNew().call(backlog::read);
        } catch (RuntimeException e) {
            return response.down().withData("error", "inbox unavailable: " + e.getClass().getSimpleName()).build();
        }
        long pending = figures.pending();
        long oldestAge = figures.oldestPendingAgeSeconds();
        long parked = figures.parked();
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
