package io.leadlistener.lead;

import io.leadlistener.callback.xml.InboundMessage;
import io.leadlistener.callback.xml.InboundMessageParser;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.ingest.IngestedMessages;
import io.leadlistener.inbox.InboxMessageHandler;
import io.leadlistener.inbox.MessageFacts;
import io.leadlistener.inbox.ProcessingOutcome;
import io.leadlistener.intent.MessageTagger;
import io.leadlistener.intent.engine.TaggingResult;
import io.leadlistener.kf.KfMessage;
import io.leadlistener.kf.KfPull;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox worker's processing step: reads the row as its source wrote it and hands it to the capture that fits —
 * a chat message (WeCom app, ingestion API) to {@link MessageCapture}, a customer-contact change to
 * {@link ContactEventCapture}.
 */
@ApplicationScoped
public class LeadCaptureHandler implements InboxMessageHandler {

    /** Inbox {@code source} of WeCom callbacks (the decrypted inner XML). */
    public static final String WECOM_CALLBACK = "wecom-callback";

    private final TenantDirectory tenants;
    private final MessageTagger tagger;
    private final MessageCapture messages;
    private final ContactEventCapture contactEvents;
    private final IngestedMessages ingested;
    private final KfPull kfPull;

    public LeadCaptureHandler(TenantDirectory tenants, MessageTagger tagger, MessageCapture messages,
                              ContactEventCapture contactEvents, IngestedMessages ingested, KfPull kfPull) {
        this.tenants = tenants;
        this.tagger = tagger;
        this.messages = messages;
        this.contactEvents = contactEvents;
        this.ingested = ingested;
        this.kfPull = kfPull;
    }

    @Override
    public ProcessingOutcome handle(InboxItem item) {
        if (item.payload() == null) {
            throw new IllegalStateException("inbox row " + item.id() + " has no payload (purged before processing)");
        }
        Tenant tenant = tenants.find(item.tenantId()).orElseThrow(() ->
                new IllegalStateException("tenant '" + item.tenantId() + "' is no longer configured"));
        if (WECOM_CALLBACK.equals(item.source())) {
            return handleCallback(item, tenant);
        }
        if (IngestedMessages.SOURCE.equals(item.source())) {
            return handleIngested(item, tenant);
        }
        if (KfMessage.SOURCE.equals(item.source())) {
            return handleKfMessage(item, tenant);
        }
        throw new IllegalStateException("inbox row " + item.id() + " has unknown source '" + item.source() + "'");
    }

    @Override
    public String textOf(String source, String payload) {
        if (WECOM_CALLBACK.equals(source)) {
            return InboundMessageParser.parse(payload).content();
        }
        if (IngestedMessages.SOURCE.equals(source)) {
            return ingested.fromInbox(payload).text();
        }
        if (KfMessage.SOURCE.equals(source)) {
            return KfMessage.parse(payload).text();
        }
        throw new IllegalStateException("unknown inbox source '" + source + "'");
    }

    /**
     * The customer message a processed row holds, as the worker saw it; empty for events and non-text messages.
     * Re-tagging reads stored rows through this, so a re-tag treats a message exactly like its first processing.
     */
    public Optional<CustomerMessage> customerMessage(InboxItem item) {
        if (item.payload() == null) {
            return Optional.empty();
        }
        if (WECOM_CALLBACK.equals(item.source())) {
            InboundMessage message = InboundMessageParser.parse(item.payload());
            return !"text".equals(message.msgType()) ? Optional.empty()
                    : Optional.of(appMessage(item, message));
        }
        if (IngestedMessages.SOURCE.equals(item.source())) {
            return Optional.of(ingested.fromInbox(item.payload()));
        }
        if (KfMessage.SOURCE.equals(item.source())) {
            KfMessage kf = KfMessage.parse(item.payload());
            return "text".equals(kf.msgType()) ? Optional.of(kfCustomerMessage(kf)) : Optional.empty();
        }
        throw new IllegalStateException("inbox row " + item.id() + " has unknown source '" + item.source() + "'");
    }

    private ProcessingOutcome handleIngested(InboxItem item, Tenant tenant) {
        CustomerMessage message = ingested.fromInbox(item.payload());
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("type", "text");
        facts.put("from", message.contact().id());
        facts.put("contentLength", message.text() == null ? 0 : message.text().length());
        facts.put("sentAt", message.sentAt().toString());
        Optional<TaggingResult> tagging = messages.capture(item, tenant, message);
        return outcome(tenant, message, facts, tagging);
    }

    /** The row's outcome; names the lead when the message made or touched one (for the log line and on-call). */
    private ProcessingOutcome outcome(Tenant tenant, CustomerMessage message, Map<String, Object> facts,
                                      Optional<TaggingResult> tagging) {
        if (tagging.isPresent() && !tagging.get().intents().isEmpty()) {
            facts.put("leadId", LeadIds.leadId(tenant.id(), message.contact().kind(), message.contact().id()));
        }
        return new ProcessingOutcome(facts, tagging.map(tagger::stored));
    }

    private ProcessingOutcome handleCallback(InboxItem item, Tenant tenant) {
        InboundMessage message = InboundMessageParser.parse(item.payload());
        Map<String, Object> facts = MessageFacts.of(message);
        if (message.isEvent(InboundMessage.EVENT_CHANGE_EXTERNAL_CONTACT)) {
            return ProcessingOutcome.untagged(contactEvents.capture(item, tenant, message, facts));
        }
        if (message.isEvent(InboundMessage.EVENT_KF_MSG_OR_EVENT)) {
            // The notification carries no message: pull them; each is stored as a row of its own (source wecom-kf).
            facts.putAll(kfPull.pull(item, tenant, message.openKfId(), message.token()));
            return ProcessingOutcome.untagged(facts);
        }
        if (!"text".equals(message.msgType())) {
            return ProcessingOutcome.untagged(facts);
        }
        CustomerMessage customerMessage = appMessage(item, message);
        Optional<TaggingResult> tagging = messages.capture(item, tenant, customerMessage);
        return outcome(tenant, customerMessage, new java.util.LinkedHashMap<>(facts), tagging);
    }

    /** A pulled 微信客服 message (origin 3, the customer): the customer's external lead, like their contact events. */
    private ProcessingOutcome handleKfMessage(InboxItem item, Tenant tenant) {
        KfMessage kf = KfMessage.parse(item.payload());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", kf.msgType());
        facts.put("from", kf.externalUserId());
        facts.put("openKfId", kf.openKfId());
        facts.put("contentLength", kf.text() == null ? 0 : kf.text().length());
        facts.put("createTime", kf.sendTime().toString());
        if (!"text".equals(kf.msgType())) {
            return ProcessingOutcome.untagged(facts);
        }
        CustomerMessage message = kfCustomerMessage(kf);
        return outcome(tenant, message, facts, messages.capture(item, tenant, message));
    }

    /** A message to the app comes from an employee (WeCom userid): the contract's "internal" contact. */
    private static CustomerMessage appMessage(InboxItem item, InboundMessage message) {
        LeadContact contact = new LeadContact(LeadIds.INTERNAL, message.fromUserName(), LeadEvent.WECOM_APP,
                null, null);
        Instant sentAt = message.createTime() == null ? item.receivedAt() : Instant.ofEpochSecond(message.createTime());
        String messageId = message.msgId() != null ? message.msgId() : "inbox-" + item.id();
        return new CustomerMessage(contact, messageId, message.content(), sentAt);
    }

    private static CustomerMessage kfCustomerMessage(KfMessage kf) {
        LeadContact contact = new LeadContact(LeadIds.EXTERNAL, kf.externalUserId(), LeadEvent.WECOM_KF, null, null);
        return new CustomerMessage(contact, kf.msgId(), kf.text(), kf.sendTime());
    }
}
