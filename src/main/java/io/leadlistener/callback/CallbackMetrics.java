package io.leadlistener.callback;

import io.leadlistener.inbox.InboxAdmission;
import io.leadlistener.tenant.TenantDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code leadlistener.callbacks} by tenant and outcome ({@code accepted}, {@code duplicate}, {@code rejected} with
 * the problem type as {@code reason}). A tenant that is not configured is counted as {@code unknown}, so a scanner
 * trying random paths cannot create unbounded series.
 */
@ApplicationScoped
public class CallbackMetrics {

    private final MeterRegistry registry;
    private final TenantDirectory tenants;

    public CallbackMetrics(MeterRegistry registry, TenantDirectory tenants) {
        this.registry = registry;
        this.tenants = tenants;
    }

    void stored(String tenant, InboxAdmission admission) {
        count(tenant, admission == InboxAdmission.ACCEPTED ? "accepted" : "duplicate", "none");
    }

    void rejected(String tenant, String reason) {
        count(tenant, "rejected", reason);
    }

    private void count(String tenant, String outcome, String reason) {
        Counter.builder("leadlistener.callbacks")
                .description("WeCom callbacks received, by outcome")
                .tag("tenant", tenants.find(tenant).isPresent() ? tenant : "unknown")
                .tag("outcome", outcome).tag("reason", reason)
                .register(registry).increment();
    }
}
