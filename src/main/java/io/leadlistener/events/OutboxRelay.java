package io.leadlistener.events;

import io.leadlistener.common.BackgroundWorkers;
import io.leadlistener.inbox.RetryBackoff;
import io.leadlistener.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to Kafka. Each round claims the oldest pending event of up to {@code batch-size} leads
 * (row locks held while in flight) — found by the hints of what this replica just committed ({@link OutboxHints}),
 * or by sweeping the pending index every poll interval and whenever a hint falls short — sends them, waits for the broker's acknowledgements, and marks published only
 * what was acknowledged — in the same transaction that holds the locks. A crash after the send but before the
 * commit re-sends the same record (same CloudEvents id), never loses one.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxClaims claims;
    private final LeadEventProducer producer;
    private final LeadEventTopic topic;
    private final OutboxWakeup wakeup;
    private final EventsConfig config;
    private final RetryBackoff backoff;
    private final BackgroundWorkers workers;
    private final OutboxMetrics metrics;
    private volatile String lastSendError;
    private final OutboxHints hints;
    /** When this replica's relay last claimed by sweeping the pending index (relay threads share it). */
    private volatile long lastSweepNanos = System.nanoTime();
    private volatile boolean sweepRequested = true;
    /** Whether the last round swept the pending index (an empty sweep says nothing is waiting). */
    private volatile boolean lastRoundSwept;

    private final TraceContexts traces;

    public OutboxRelay(OutboxClaims claims, OutboxHints hints, LeadEventProducer producer, LeadEventTopic topic,
                       OutboxWakeup wakeup, EventsConfig config, OutboxMetrics metrics, TraceContexts traces) {
        this.hints = hints;
        this.claims = claims;
        this.traces = traces;
        this.metrics = metrics;
        this.producer = producer;
        this.topic = topic;
        this.wakeup = wakeup;
        this.config = config;
        this.backoff = new RetryBackoff(config.relay().initialBackoff(), config.relay().maxBackoff());
        this.workers = new BackgroundWorkers("outbox-relay", wakeup);
    }

    void start(@Observes StartupEvent event) {
        workers.start(config.relay().threads(), this::runLoop);
        LOG.infof("Outbox relay started with %d thread(s) to topic %s", config.relay().threads(), config.topic());
    }

    /** Lets in-flight publishes finish (their round commits), then stops. */
    void stop(@Observes ShutdownEvent event) {
        workers.stop(config.relay().sendTimeout().plusSeconds(5));
    }

    private void runLoop() {
        while (workers.isRunning()) {
            try {
                if (!topic.ensure()) {
                    // Events wait in the outbox until the topic exists; LeadEventTopic logs why, once per reason.
                    wakeup.await(topic.recheckInterval());
                    continue;
                }
                workers.pauseAfterRound(relayOnce(), config.relay().batchSize(), config.relay().pollInterval(),
                        config.relay().linger());
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay round failed, retrying: %s", e.toString());
                wakeup.await(config.relay().pollInterval());
            }
        }
    }

    /**
     * One round.
     *
     * @return how many events were published, failed or parked
     */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.relay().sendTimeout().plusSeconds(30).toSeconds())
                .call(this::sendClaimedRound);
    }

    private int sendClaimedRound() {
        List<PendingEvent> batch = claim();
        if (batch.isEmpty()) {
            if (lastRoundSwept) {
                // Nothing is waiting, so nothing is failing to get out.
                lastSendError = null;
            }
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            Span span = publishSpan(event);
            spans.add(span);
            sends.add(sendSafely(event, traces.propagationHeaders(span)));
        }
        long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent event = batch.get(i);
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                sends.get(i).get(remaining, TimeUnit.NANOSECONDS);
                spans.get(i).end();
                published.add(event.id());
                metrics.published(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spans.subList(i, spans.size()).forEach(Span::end);
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
                spans.get(i).recordException(failure);
                spans.get(i).setStatus(StatusCode.ERROR);
                spans.get(i).end();
                recordFailure(event, failure);
            }
        }
        claims.markPublished(published);
        if (!published.isEmpty()) {
            lastSendError = null;
        }
        return batch.size();
    }

    /**
     * The round's events: those this replica just committed, by their hints, while no sweep is due; a sweep of the
     * oldest due heads when one is; none otherwise. A sweep is due every poll interval, and after a hint could not be
     * claimed twice (published by another replica, or it waits behind an event that failed) or was dropped.
     */
    private List<PendingEvent> claim() {
        long now = System.nanoTime();
        if (hints.takeDropped() > 0) {
            sweepRequested = true;
        }
        boolean sweepDue = sweepRequested || now - lastSweepNanos >= config.relay().pollInterval().toNanos();
        List<OutboxHints.Hint> hinted = sweepDue ? List.of() : hints.take(config.relay().batchSize());
        lastRoundSwept = hinted.isEmpty() && sweepDue;
        if (lastRoundSwept) {
            sweepRequested = false;
            lastSweepNanos = now;
            return claims.claimDueHeads(config.relay().batchSize());
        }
        if (hinted.isEmpty()) {
            // Nothing committed here since the last round, and the next sweep is due within the poll interval: a
            // sweep now would walk the index for nothing after every hinted round (a quarter of the relay's time in
            // PostgreSQL under load, issue 24).
            return List.of();
        }
        List<PendingEvent> claimed = claims.claimHintedHeads(hinted.stream().map(OutboxHints.Hint::seq).toList());
        java.util.Set<Long> claimedSeqs = new java.util.HashSet<>();
        claimed.forEach(event -> claimedSeqs.add(event.seq()));
        for (OutboxHints.Hint hint : hinted) {
            if (claimedSeqs.contains(hint.seq())) {
                continue;
            }
            // Usually the lead's second event of the same message, behind the first until this round commits.
            if (hint.tries() == 0) {
                hints.retry(hint);
            } else {
                sweepRequested = true;
            }
        }
        return claimed;
    }

    /** A producer span continuing the trace of the processing that wrote the event (OpenTelemetry messaging names). */
    private Span publishSpan(PendingEvent event) {
        Span span = traces.startContinuing(config.topic() + " publish", SpanKind.PRODUCER, event.traceParent());
        span.setAttribute("messaging.system", "kafka");
        span.setAttribute("messaging.destination.name", config.topic());
        span.setAttribute("messaging.message.id", event.id());
        span.setAttribute("messaging.kafka.message.key", event.leadId());
        span.setAttribute("cloudevents.event_type", event.type());
        return span;
    }

    private Future<RecordMetadata> sendSafely(PendingEvent event, java.util.Map<String, String> traceHeaders) {
        try {
            return producer.send(config.topic(), event, traceHeaders);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private void recordFailure(PendingEvent event, Throwable failure) {
        boolean poison = isPoison(failure);
        int attempts = event.attempts() + 1;
        boolean park = poison && attempts >= config.relay().maxAttempts();
        String error = BackgroundWorkers.describe(failure);
        if (!poison) {
            // Poison events are the event's fault and show up as parked events; this is about the way to Kafka.
            lastSendError = error;
        }
        // A broker that cannot be reached never parks anything: events wait for it, in order.
        claims.recordFailure(event.id(), error, park, park ? Duration.ZERO : backoff.afterAttempt(attempts));
        metrics.sendFailed(event, poison, park);
        if (park) {
            LOG.errorf("Parked outbox event %s (%s of lead %s) after %d attempts: %s", event.id(), event.type(),
                    event.leadId(), attempts, error);
        } else {
            LOG.warnf("Outbox event %s not published (attempt %d), will retry: %s", event.id(), attempts, error);
        }
    }

    static boolean isPoison(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof SerializationException || failure instanceof InvalidRecordException;
    }

    /** The error of the last send that failed for a reason other than the event itself, or null once sends succeed. */
    String lastSendError() {
        return lastSendError;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublishedPastRetention() {
        int deleted;
        int total = 0;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> claims.deletePublishedBefore(config.relay().publishedRetention(), 1000));
            total += deleted;
        } while (deleted == 1000);
        if (total > 0) {
            LOG.infof("Deleted %d published outbox event(s) older than %s", total, config.relay().publishedRetention());
        }
    }
}
