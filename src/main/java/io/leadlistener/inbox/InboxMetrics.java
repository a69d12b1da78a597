package io.leadlistener.inbox;

import io.leadlistener.common.BacklogGauges;
import io.leadlistener.common.MetricsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Inbox metrics (names in docs/operations.md): backlog gauges refreshed on a schedule (a scrape never queries
 * PostgreSQL), and per processed row the time from receipt to completion and the intents it was tagged with.
 */
@ApplicationScoped
public class InboxMetrics {

    private static final Logger LOG = Logger.getLogger(InboxMetrics.class);

    private final MeterRegistry registry;
    private final InboxBacklog backlog;
    private final BacklogGauges gauges;
    private final DistributionSummary storeBatchSize;

    public InboxMetrics(MeterRegistry registry, InboxBacklog backlog, MetricsConfig config) {
        LOG.debugf("Backlog gauges refreshed every %s", config.refreshInterval());
        this.registry = registry;
        this.backlog = backlog;
        this.gauges = new BacklogGauges(registry, "leadlistener.inbox");
        this.storeBatchSize = DistributionSummary.builder("leadlistener.inbox.store.batch.size")
                .description("Messages made durable by one inbox commit").register(registry);
    }

    /** How many accepted messages one inbox commit made durable (group commit; 1 under light load). */
    void storedTogether(int messages) {
        storeBatchSize.record(messages);
    }

    @Scheduled(every = "${leadlistener.metrics.refresh-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshBacklog() {
        try {
            InboxBacklog.Figures figures = QuarkusTransaction.requiringNew().call(backlog::read);
            gauges.set(figures.pending(), figures.oldestPendingAgeSeconds(), figures.parked());
        } catch (RuntimeException e) {
            LOG.debugf("Inbox backlog metrics not refreshed: %s", e.toString());
        }
    }

    /** A row completed (committed): how long it waited and took, and what it was tagged with. */
    void processed(InboxItem item, ProcessingOutcome outcome, Duration sinceReceipt) {
        Timer.builder("leadlistener.inbox.processing.latency")
                .description("From a row's receipt to its completion (queueing + processing)")
                .tag("tenant", item.tenantId()).tag("source", item.source())
                .publishPercentileHistogram()
                .register(registry).record(sinceReceipt);
        outcome.tagging().ifPresent(tagging -> {
            for (String intent : tagging.intents()) {
                Counter.builder("leadlistener.intents.tagged").tag("tenant", item.tenantId()).tag("intent", intent)
                        .register(registry).increment();
            }
        });
    }

    void failed(boolean parkedNow) {
        Counter.builder("leadlistener.inbox.failures").tag("parked", Boolean.toString(parkedNow))
                .register(registry).increment();
    }
}
