package io.leadlistener.actions;

import io.leadlistener.common.BacklogGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Metrics of the actions in WeCom (names in docs/operations.md): outcomes by type, outcome and errcode; the WeCom
 * API's latency; the backlog (refreshed on a schedule, so a scrape never queries PostgreSQL).
 */
@ApplicationScoped
public class ActionMetrics {

    private static final Logger LOG = Logger.getLogger(ActionMetrics.class);

    private final MeterRegistry registry;
    private final ActionClaims claims;
    private final BacklogGauges gauges;

    public ActionMetrics(MeterRegistry registry, ActionClaims claims) {
        this.registry = registry;
        this.claims = claims;
        this.gauges = new BacklogGauges(registry, "leadlistener.actions");
    }

    @Scheduled(every = "${leadlistener.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshBacklog() {
        try {
            ActionClaims.ActionBacklog backlog = QuarkusTransaction.requiringNew().call(claims::backlog);
            gauges.set(backlog.pending(), Math.round(backlog.oldestPendingAgeSeconds()), backlog.parked());
        } catch (RuntimeException e) {
            LOG.debugf("Action backlog metrics not refreshed: %s", e.toString());
        }
    }

    /**
     * @param outcome {@code done}, {@code retried}, {@code parked} or {@code throttled} (put off a minute for the member throttle)
     * @param errcode WeCom's errcode, or null (success, network failure)
     */
    void outcome(String type, String outcome, Integer errcode) {
        Counter.builder("leadlistener.actions.outcomes")
                .description("Actions in WeCom by type, outcome and errcode")
                .tag("type", type).tag("outcome", outcome).tag("errcode", errcode == null ? "none" : errcode.toString())
                .register(registry).increment();
    }

    void apiCall(String call, Duration took) {
        Timer.builder("leadlistener.wecom.api.latency")
                .description("WeCom server-API calls of the action worker, answer or failure")
                .tag("call", call)
                .publishPercentileHistogram()
                .register(registry).record(took);
    }
}
