package io.leadlistener.actions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether actions in WeCom (alerts) are going out: the action backlog, and DOWN when the oldest pending action is
 * older than {@code leadlistener.actions.max-lag}. Under wellness, never readiness: while WeCom is away messages are
 * still accepted and actions wait in the outbox.
 */
@Wellness
@ApplicationScoped
public class ActionOutboxWellnessCheck implements HealthCheck {

    private final ActionClaims claims;
    private final ActionsConfig config;

    public ActionOutboxWellnessCheck(ActionClaims claims, ActionsConfig config) {
        this.claims = claims;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("action-outbox");
        ActionClaims.ActionBacklog backlog;
        try {
            backlog = QuarkusTransaction.requiringNew().call(claims::backlog);
        } catch (RuntimeException e) {
            return response.down().withData("error", "backlog unavailable: " + e.getClass().getSimpleName()).build();
        }
        long oldest = Math.round(backlog.oldestPendingAgeSeconds());
        response.withData("pendingActions", backlog.pending()).withData("oldestPendingAgeSeconds", oldest)
                .withData("maxLagSeconds", config.maxLag().toSeconds()).withData("parkedActions", backlog.parked());
        if (oldest > config.maxLag().toSeconds()) {
            return response.down().withData("error", "the oldest pending action is " + oldest + " s old (limit "
                    + config.maxLag().toSeconds() + " s): WeCom unreachable or refusing; see the worker's log").build();
        }
        return response.up().build();
    }
}
