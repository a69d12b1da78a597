package io.leadlistener.events;

import io.leadlistener.common.BacklogGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Outbox and relay metrics (names in docs/operations.md): what is waiting and how old, what was published and how
 * long it took from the callback's receipt to Kafka's acknowledgement, what failed. Backlog gauges are refreshed on
 * a schedule, so a Prometheus scrape never queries PostgreSQL.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final MeterRegistry registry;
    private final OutboxClaims claims;
    private final Clock clock;
    private final BacklogGauges gauges;

    public OutboxMetrics(MeterRegistry registry, OutboxClaims claims, Clock clock) {
        this.registry = registry;
        this.claims = claims;
        this.clock = clock;
        this.gauges = new BacklogGauges(registry, "leadlistener.outbox");
    }

    @Scheduled(every = "${leadlistener.metrics.refresh-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshBacklog() {
        try {
            OutboxClaims.OutboxBacklog backlog = QuarkusTransaction.requiringNew().call(claims::backlog);
            gauges.set(backlog.pending(), Math.round(backlog.oldestPendingAgeSeconds()), backlog.parked());
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog metrics not refreshed: %s", e.toString());
        }
    }

    /** An event Kafka acknowledged: counted by type, and the time from the callback's receipt to the ack. */
    void published(PendingEvent event) {
        Counter.builder("leadlistener.events.published").tag("type", event.type())
                .description("Lead events acknowledged by Kafka (lead.created.v1: leads created)")
                .register(registry).increment();
        if (event.timestamp() != null) {
            Timer.builder("leadlistener.events.end.to.end.latency")
                    .description("From the source message's receipt (inbox) to Kafka's acknowledgement")
                    .publishPercentileHistogram()
                    .register(registry).record(Duration.between(event.timestamp(), clock.instant()));
        }
    }

    void sendFailed(PendingEvent event, boolean poison, boolean parkedNow) {
        Counter.builder("leadlistener.events.send.failures")
                .tag("kind", poison ? "poison" : "broker")
                .tag("parked", Boolean.toString(parkedNow))
                .register(registry).increment();
    }
}
