package io.leadlistener.lead.retag;

import io.leadlistener.errors.ConflictException;
import io.leadlistener.errors.NotFoundException;
import io.leadlistener.inbox.ProcessedMessages;
import io.leadlistener.inbox.RetainedTextWindow;
import io.leadlistener.intent.rules.RuleSetNames;
import io.leadlistener.intent.rules.RuleStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Starting, reading and cancelling re-tag jobs. A job re-tags a tenant's messages of the last N days with the version
 * in force when it is created; {@link RetagWorker} runs it in batches on whichever replica gets to it first.
 */
@ApplicationScoped
public class RetagJobs {

    private final RetagJobStore store;
    private final RuleStore rules;
    private final ProcessedMessages messages;
    private final RetagConfig config;
    private final RetainedTextWindow textWindow;
    private final Clock clock;

    public RetagJobs(RetagJobStore store, RuleStore rules, ProcessedMessages messages, RetagConfig config,
                     RetainedTextWindow textWindow, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.messages = messages;
        this.config = config;
        this.textWindow = textWindow;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException for days out of bounds; ConflictException when the tenant already has a job queued or running
     */
    public RetagJob start(String tenantId, int days, String requestedBy) {
        textWindow.requireDays(days, "invalid-retag-request");
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        return QuarkusTransaction.requiringNew().call(() -> {
            long version = Math.max(rules.latestVersion(RuleSetNames.DEFAULT).orElse(0L),
                    rules.latestVersion(tenantId).orElse(0L));
            ProcessedMessages.IdRange range = messages.range(tenantId, from, to, version, config.maxMessages());
            long id = store.insert(tenantId, version, days, from, to, range.count() == 0 ? 1 : range.firstId(),
                            range.count() == 0 ? 0 : range.lastId(), range.count(), requestedBy)
                    .orElseThrow(() -> new ConflictException("retag-job-active", "tenant '"
                            + tenantId + "' already has a re-tag job queued or running; cancel it or wait for it"));
            return store.find(tenantId, id).orElseThrow();
        });
    }

    /** @throws NotFoundException for an unknown job */
    public RetagJob find(String tenantId, long id) {
        return QuarkusTransaction.requiringNew().call(() -> store.find(tenantId, id))
                .orElseThrow(() -> unknownJob(tenantId, id));
    }

    public List<RetagJob> list(String tenantId, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> store.list(tenantId, limit));
    }

    /**
     * Stops a job between two batches: what it re-tagged so far stays (and was announced), the rest is left as it
     * was. Re-running later continues where it makes a difference, since re-tagged messages carry the new version.
     *
     * @throws NotFoundException for an unknown job; ConflictException when it already ended
     */
    public RetagJob cancel(String tenantId, long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RetagJob job = store.find(tenantId, id).orElseThrow(() -> unknownJob(tenantId, id));
            if (!store.cancel(tenantId, id)) {
                throw new ConflictException("retag-job-ended", "re-tag job " + id + " already ended with status '" + job.status() + "'");
            }
            return store.find(tenantId, id).orElseThrow();
        });
    }

    private static NotFoundException unknownJob(String tenantId, long id) {
        return new NotFoundException("unknown-retag-job", "tenant '" + tenantId + "' has no re-tag job " + id);
    }
}
