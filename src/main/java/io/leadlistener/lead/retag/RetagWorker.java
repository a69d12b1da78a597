package io.leadlistener.lead.retag;

import io.leadlistener.common.BackgroundWorkers;
import io.leadlistener.inbox.ChatMessage;
import io.leadlistener.inbox.InboxUnavailableException;
import io.leadlistener.inbox.ProcessedMessages;
import io.leadlistener.inbox.ProcessedMessages.ProcessedMessage;
import io.leadlistener.intent.MessageTagger;
import io.leadlistener.intent.engine.IntentTagger;
import io.leadlistener.intent.engine.TaggingResult;
import io.leadlistener.intent.rules.RuleSetTaggers;
import io.leadlistener.lead.LeadCaptureHandler;
import io.leadlistener.lead.MessageCapture;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Runs re-tag jobs one batch per transaction: the batch's re-tagged messages, their lead changes and events, and the
 * job's progress commit together, so a crash or a cancellation never leaves a message half re-tagged and a restarted
 * job resumes after the last committed batch.
 */
@ApplicationScoped
public class RetagWorker {

    private static final Logger LOG = Logger.getLogger(RetagWorker.class);

    private final RetagJobStore jobs;
    private final ProcessedMessages messages;
    private final RuleSetTaggers taggers;
    private final MessageTagger messageTagger;
    private final LeadCaptureHandler storedMessages;
    private final MessageCapture capture;
    private final TenantDirectory tenants;
    private final RetagConfig config;
    private volatile boolean stopping;
    /** The last job's tagger: compiling a rule set per batch would repeat the same work hundreds of times a job. */
    private volatile JobTagger lastTagger;

    private record JobTagger(String tenant, long version, IntentTagger tagger) {
    }

    public RetagWorker(RetagJobStore jobs, ProcessedMessages messages, RuleSetTaggers taggers,
                       MessageTagger messageTagger, LeadCaptureHandler storedMessages, MessageCapture capture,
                       TenantDirectory tenants, RetagConfig config) {
        this.jobs = jobs;
        this.messages = messages;
        this.taggers = taggers;
        this.messageTagger = messageTagger;
        this.storedMessages = storedMessages;
        this.capture = capture;
        this.tenants = tenants;
        this.config = config;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${leadlistener.retag.poll-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runJobs() {
        while (!stopping && runBatch()) {
            // keep going while there is work; each batch is its own transaction
        }
    }

    /** Re-tags the next batch of the oldest active job; @return false when no job had work for this replica */
    public boolean runBatch() {
        long[] jobId = {0};
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<RetagJobStore.Claimed> claimed = jobs.lockNextActive();
                claimed.ifPresent(job -> jobId[0] = job.job().id());
                return claimed.map(this::runBatch).orElse(false);
            });
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                // A deadlock with the inbox worker over a lead, or the database away: the batch is redone later.
                LOG.warnf("Re-tag job %d: batch rolled back and will be retried (%s)", jobId[0], e.getMessage());
                return false;
            }
            LOG.errorf(e, "Re-tag job %d failed", jobId[0]);
            QuarkusTransaction.requiringNew().run(() -> jobs.fail(jobId[0], BackgroundWorkers.describe(e)));
            return true;
        }
    }

    private boolean runBatch(RetagJobStore.Claimed claimed) {
        RetagJob job = claimed.job();
        Optional<Tenant> tenant = tenants.find(job.tenant());
        if (tenant.isEmpty()) {
            jobs.fail(job.id(), "tenant '" + job.tenant() + "' is no longer configured");
            return true;
        }
        List<ProcessedMessage> batch = messages.taggedBefore(job.tenant(), job.ruleSetVersion(),
                claimed.cursorInboxId(), claimed.lastInboxId(), config.batchSize());
        IntentTagger tagger = taggerFor(job);
        int changed = 0;
        int events = 0;
        for (ProcessedMessage message : batch) {
            Optional<ChatMessage> customerMessage = storedMessages.chatMessage(message.item());
            if (customerMessage.isEmpty() || customerMessage.get().text() == null
                    || customerMessage.get().text().isBlank()) {
                continue;
            }
            TaggingResult result = tagger.tag(customerMessage.get().text());
            if (!Set.copyOf(result.intents()).equals(Set.copyOf(message.intents()))) {
                changed++;
                events += capture.retag(message.item(), tenant.get(), customerMessage.get(), result,
                        message.intents());
            }
            messages.recordTagging(message.item().id(), messageTagger.stored(result));
        }
        boolean completed = batch.size() < config.batchSize();
        long cursor = batch.isEmpty() ? claimed.lastInboxId() : batch.get(batch.size() - 1).item().id();
        jobs.advance(job.id(), cursor, batch.size(), changed, events, completed);
        if (completed) {
            LOG.infof("Re-tag job %d of tenant %s completed at version %d", job.id(), job.tenant(),
                    job.ruleSetVersion());
        }
        return true;
    }

    private IntentTagger taggerFor(RetagJob job) {
        JobTagger cached = lastTagger;
        if (cached == null || !cached.tenant().equals(job.tenant()) || cached.version() != job.ruleSetVersion()) {
            // Published versions never change, so a tagger built for (tenant, version) stays right.
            cached = new JobTagger(job.tenant(), job.ruleSetVersion(), taggers.asOf(job.tenant(),
                    job.ruleSetVersion()));
            lastTagger = cached;
        }
        return cached.tagger();
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && InboxUnavailableException.isUnavailability(sql)) {
                return true;
            }
        }
        return false;
    }
}
