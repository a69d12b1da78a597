package io.leadlistener.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.common.BackgroundWorkers;
import io.leadlistener.privacy.ContactMask;
import io.leadlistener.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drains the inbox: claims due rows (oldest pending row of each contact), runs the {@link InboxMessageHandler} in
 * the same transaction that marks the row done, and retries or parks rows whose processing failed.
 */
@ApplicationScoped
public class InboxWorker {

    private static final Logger LOG = Logger.getLogger(InboxWorker.class);

    private final InboxClaims claims;
    private final MessageSources sources;
    private final InboxMessageHandler handler;
    private final InboxWakeup wakeup;
    private final InboxConfig.Worker config;
    private final RetryBackoff backoff;
    private final ObjectMapper objectMapper;
    private final BackgroundWorkers workers;
    private final InboxMetrics metrics;

    private final TraceContexts traces;
    /**
     * Rows a thread of this replica is processing alone. A failed attempt rolls back (releasing the row's lock) before
     * its failure is recorded in a transaction of its own; without this, another thread could take the row in between
     * and the attempt would go uncounted.
     */
    private final Set<Long> inHand = ConcurrentHashMap.newKeySet();

    public InboxWorker(InboxClaims claims, InboxMessageHandler handler, MessageSources sources, InboxWakeup wakeup,
                       InboxConfig config, ObjectMapper objectMapper, InboxMetrics metrics, TraceContexts traces) {
        this.claims = claims;
        this.sources = sources;
        this.traces = traces;
        this.metrics = metrics;
        this.handler = handler;
        this.wakeup = wakeup;
        this.config = config.worker();
        this.backoff = new RetryBackoff(this.config.initialBackoff(), this.config.maxBackoff());
        this.objectMapper = objectMapper;
        this.workers = new BackgroundWorkers("inbox-worker", wakeup);
    }

    void start(@Observes StartupEvent event) {
        workers.start(config.threads(), this::runLoop);
        LOG.infof("Inbox worker started with %d thread(s), batch size %d", config.threads(), config.batchSize());
    }

    /** Lets the row in hand finish (its transaction commits or rolls back as a whole), then stops. */
    void stop(@Observes ShutdownEvent event) {
        workers.stop(Duration.ofSeconds(20));
    }

    private void runLoop() {
        while (workers.isRunning()) {
            try {
                workers.pauseAfterRound(drainOnce(), config.batchSize(), config.pollInterval(), config.linger());
            } catch (RuntimeException e) {
                // The database may be restarting: back off and keep going; claimed work was rolled back.
                LOG.warnf("Inbox worker round failed, retrying after %s: %s", config.pollInterval(), e.toString());
                wakeup.await(config.pollInterval());
            }
        }
    }

    /**
     * One claim round: locks up to {@code batch-size} due heads (one per contact, so order is unaffected) and
     * completes them in one transaction — one commit, one WAL flush for the batch instead of one per row. If any row
     * fails, the whole batch rolls back and each of its rows is redone in a transaction of its own, so only the
     * failing row counts an attempt.
     *
     * @return how many rows this round completed, failed or parked
     */
    public int drainOnce() {
        List<Long> attempted = new ArrayList<>();
        List<Long> alone = new ArrayList<>();
        List<Processed> completed;
        try {
            completed = QuarkusTransaction.requiringNew().call(() -> processBatch(attempted, alone));
        } catch (Exception e) {
            LOG.debugf("Inbox batch of %d row(s) rolled back, redoing each alone: %s", attempted.size(), e);
            return processEachAlone(attempted) + processEachAlone(alone);
        }
        completed.forEach(this::report);
        return completed.size() + processEachAlone(alone);
    }

    private List<Processed> processBatch(List<Long> attempted, List<Long> alone) throws Exception {
        List<Processed> completed = new ArrayList<>();
        for (InboxClaims.Claimed claimed : claims.claimDueHeads(config.batchSize())) {
            InboxItem item = claimed.item();
            if (inHand.contains(item.id())) {
                continue; // failed a moment ago on another thread, whose failure is being recorded
            }
            if (item.attempts() > 0 || sources.callsOut(item.source(), claimed.event())) {
                // Its lock ends with this transaction; processed right after, alone: a slow API call holds no other
                // rows' locks, and a row that failed before cannot roll a batch back again.
                alone.add(item.id());
            } else if (!workers.isStopping()) {
                attempted.add(item.id());
                completed.add(process(item));
            }
        }
        return completed;
    }

    /** Handles the row in a span that continues the trace of the request which stored it. */
    private Processed process(InboxItem item) throws Exception {
        long started = System.nanoTime();
        Span span = traces.startContinuing("inbox process", SpanKind.CONSUMER, item.traceParent());
        try (Scope ignored = span.makeCurrent()) {
            span.setAttribute("leadlistener.tenant", item.tenantId());
            span.setAttribute("leadlistener.inbox.row", item.id());
            ProcessingOutcome outcome = handler.handle(item);
            claims.markDone(item.id(), toJson(outcome), outcome.tagging());
            return new Processed(item, outcome, started);
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private int processEachAlone(List<Long> ids) {
        int worked = 0;
        for (long id : ids) {
            if (workers.isStopping()) {
                break;
            }
            if (processOne(id)) {
                worked++;
            }
        }
        return worked;
    }

    private boolean processOne(long id) {
        if (!inHand.add(id)) {
            return false;
        }
        try {
            return processOneInHand(id);
        } finally {
            inHand.remove(id);
        }
    }

    private boolean processOneInHand(long id) {
        Optional<Processed> done;
        try {
            done = QuarkusTransaction.requiringNew().call(() -> {
                Optional<InboxItem> claimed = claims.lockIfDueHead(id);
                if (claimed.isEmpty()) {
                    return Optional.<Processed>empty();
                }
                return Optional.of(process(claimed.get()));
            });
        } catch (Exception e) {
            recordFailure(id, e);
            return true;
        }
        done.ifPresent(this::report);
        return done.isPresent();
    }

    /** After the commit: metrics and the row's log line (timings include the wait for the batch's commit). */
    private void report(Processed processed) {
        InboxItem item = processed.item();
        Duration sinceReceipt = Duration.between(item.receivedAt(), Instant.now());
        metrics.processed(item, processed.outcome(), sinceReceipt);
        LOG.infof("Processed inbox row %d tenant=%s msgId=%s contact=%s type=%s intents=%s lead=%s "
                        + "queuedMs=%d processingMs=%d", item.id(), item.tenantId(), item.msgId(),
                ContactMask.of(item.contactKey()), item.msgType(), processed.outcome().tagging().map(ProcessingOutcome.Tagging::intents)
                        .orElse(List.of()), processed.outcome().facts().getOrDefault("leadId", "-"),
                sinceReceipt.toMillis(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - processed.startedNanos()));
    }

    private record Processed(InboxItem item, ProcessingOutcome outcome, long startedNanos) {
    }

    private void recordFailure(long id, Exception failure) {
        // Checked exceptions of the handler arrive wrapped by the transaction API.
        Throwable cause = failure instanceof QuarkusTransactionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String error = BackgroundWorkers.describe(cause);
        // A non-retryable failure parks now: its only remaining attempt is the one that just failed.
        boolean retryable = !(cause instanceof NonRetryableException);
        try {
            Optional<String> state = QuarkusTransaction.requiringNew().call(() ->
                    claims.recordFailure(id, error, retryable ? config.maxAttempts() : 1, backoff));
            metrics.failed(state.filter("parked"::equals).isPresent());
            if (state.isEmpty()) {
                LOG.infof("Inbox row %d failed, but it is no longer pending (completed elsewhere): %s", id, error);
            } else if (state.filter("parked"::equals).isPresent()) {
                LOG.errorf("Parked inbox row %d (%s): %s", id,
                        retryable ? "after " + config.maxAttempts() + " attempts" : "not retryable", error);
            } else {
                LOG.warnf("Inbox row %d failed, will retry: %s", id, error);
            }
        } catch (RuntimeException e) {
            // Not even the failure could be recorded (database down): the row stays pending and comes back.
            LOG.warnf("Could not record failure of inbox row %d: %s", id, e.toString());
        }
    }

    private String toJson(ProcessingOutcome outcome) {
        try {
            return objectMapper.writeValueAsString(outcome.facts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outcome is not serializable", e);
        }
    }
}
