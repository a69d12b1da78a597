package io.leadlistener.lead;

import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.ChatMessage;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxMessageHandler;
import io.leadlistener.inbox.InboxReading;
import io.leadlistener.inbox.MessageSources;
import io.leadlistener.inbox.ProcessingOutcome;
import io.leadlistener.intent.MessageTagger;
import io.leadlistener.intent.engine.TaggingResult;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox worker's processing step: reads the row through its source ({@link MessageSources}) and hands the
 * reading to the capture that fits — a chat message to {@link MessageCapture}, a contact change to
 * {@link ContactEventCapture}; a notification runs the work its source attached (a 微信客服 pull).
 */
@ApplicationScoped
public class LeadCaptureHandler implements InboxMessageHandler {

    private final TenantDirectory tenants;
    private final MessageSources sources;
    private final MessageTagger tagger;
    private final MessageCapture messages;
    private final ContactEventCapture contactEvents;

    public LeadCaptureHandler(TenantDirectory tenants, MessageSources sources, MessageTagger tagger,
                              MessageCapture messages, ContactEventCapture contactEvents) {
        this.tenants = tenants;
        this.sources = sources;
        this.tagger = tagger;
        this.messages = messages;
        this.contactEvents = contactEvents;
    }

    @Override
    public ProcessingOutcome handle(InboxItem item) {
        if (item.payload() == null) {
            throw new IllegalStateException("inbox row " + item.id() + " has no payload (purged before processing)");
        }
        Tenant tenant = tenants.find(item.tenantId()).orElseThrow(() ->
                new IllegalStateException("tenant '" + item.tenantId() + "' is no longer configured"));
        InboxReading reading = sources.read(item);
        if (reading instanceof InboxReading.Message message) {
            Optional<TaggingResult> tagging = messages.capture(item, tenant, message.message());
            return outcome(tenant, message.message(), new LinkedHashMap<>(message.facts()), tagging);
        }
        if (reading instanceof InboxReading.ContactChange change) {
            return ProcessingOutcome.untagged(contactEvents.capture(item, tenant, change));
        }
        if (reading instanceof InboxReading.Notification notification) {
            Map<String, Object> facts = new LinkedHashMap<>(notification.facts());
            facts.putAll(notification.work().apply(tenant));
            return ProcessingOutcome.untagged(facts);
        }
        return ProcessingOutcome.untagged(reading.facts());
    }

    /**
     * The chat message a processed row holds, as the worker saw it; empty for events and non-text messages.
     * Re-tagging reads stored rows through this, so a re-tag treats a message exactly like its first processing.
     */
    public Optional<ChatMessage> chatMessage(InboxItem item) {
        if (item.payload() == null) {
            return Optional.empty();
        }
        return sources.read(item) instanceof InboxReading.Message message ? Optional.of(message.message())
                : Optional.empty();
    }

    /** The row's outcome; names the lead when the message made or touched one (for the log line and on-call). */
    private ProcessingOutcome outcome(Tenant tenant, ChatMessage message, Map<String, Object> facts,
                                      Optional<TaggingResult> tagging) {
        if (tagging.isPresent() && !tagging.get().intents().isEmpty()) {
            facts.put("leadId", LeadIds.leadId(tenant.id(), message.contact().kind(), message.contact().id()));
        }
        return new ProcessingOutcome(facts, tagging.map(tagger::stored));
    }
}
