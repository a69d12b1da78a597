package io.leadlistener.callback;

import io.leadlistener.inbox.InboxAdmission;
import io.leadlistener.tenant.TenantDirectory;
import io.leadlistener.wecom.crypto.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code leadlistener.callbacks} by tenant and outcome ({@code accepted}, {@code duplicate}, {@code rejected} with
 * the problem type as {@code reason}). A tenant that is not configured is counted as {@code unknown}, so a scanner
 * trying random paths cannot create unbounded series.
 */
@ApplicationScoped
public class CallbackMetrics {

    private static final Logger LOG = Logger.getLogger(CallbackMetrics.class);
    private static final String UNKNOWN = "unknown";
    /** Every reason a callback is refused for (the problem types the resource answers with). */
    static final List<String> REJECTION_REASONS = reasons();

    private final MeterRegistry registry;
    private final TenantDirectory tenants;

    public CallbackMetrics(MeterRegistry registry, TenantDirectory tenants) {
        this.registry = registry;
        this.tenants = tenants;
    }

    void stored(String tenant, InboxAdmission admission) {
        count(tenant, admission == InboxAdmission.ACCEPTED ? "accepted" : "duplicate", "none");
    }

    /**
     * A refused callback: one WARN line (tenant, callback, reason — never a secret or any text) and the counter.
     * An unconfigured tenant id is logged as {@code unknown} too: the path is the caller's to choose.
     */
    void rejected(String tenant, String callback, String reason) {
        var configured = tenants.find(tenant);
        // Path segments are the caller's to choose: only configured names reach the log.
        String callbackLabel = configured.isEmpty() ? "-" : callback.isEmpty() ? "app"
                : configured.get().callback(callback).isPresent() ? callback : "-";
        LOG.warnf("Callback rejected tenant=%s callback=%s reason=%s", configured.isPresent() ? tenant : UNKNOWN,
                callbackLabel, reason);
        count(tenant, "rejected", reason);
    }

    /**
     * Every configured tenant's rejection counters exist at 0 from start-up, so {@code rate()} and alerts work before
     * the first failure.
     */
    void registerAtStart(@Observes StartupEvent event) {
        List<String> tenantIds = new ArrayList<>();
        tenants.all().forEach(tenant -> tenantIds.add(tenant.id()));
        tenantIds.add(UNKNOWN);
        for (String tenant : tenantIds) {
            for (String reason : REJECTION_REASONS) {
                counter(tenant, "rejected", reason);
            }
        }
    }

    private void count(String tenant, String outcome, String reason) {
        counter(tenants.find(tenant).isPresent() ? tenant : UNKNOWN, outcome, reason).increment();
    }

    private static List<String> reasons() {
        List<String> reasons = new ArrayList<>(List.of("unknown-tenant", "unknown-callback", "missing-query-parameter",
                "body-too-large", "malformed-xml", "malformed-message"));
        for (RejectionReason reason : RejectionReason.values()) {
            String slug = WeComCallbackResource.slug(reason);
            if (!reasons.contains(slug)) {
                reasons.add(slug);
            }
        }
        return List.copyOf(reasons);
    }

    private Counter counter(String tenant, String outcome, String reason) {
        return Counter.builder("leadlistener.callbacks")
                .description("WeCom callbacks received, by outcome")
                .tag("tenant", tenant).tag("outcome", outcome).tag("reason", reason)
                .register(registry);
    }
}
