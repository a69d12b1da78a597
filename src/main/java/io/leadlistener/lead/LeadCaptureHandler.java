package io.leadlistener.lead;

import io.leadlistener.callback.xml.InboundMessage;
import io.leadlistener.callback.xml.InboundMessageParser;
import io.leadlistener.events.CloudEventsJson;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadEventData;
import io.leadlistener.events.LeadIds;
import io.leadlistener.events.Outbox;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxMessageHandler;
import io.leadlistener.inbox.MessageFacts;
import io.leadlistener.inbox.ProcessingOutcome;
import io.leadlistener.intent.MessageTagger;
import io.leadlistener.intent.engine.TaggingResult;
import io.leadlistener.lead.routing.LeadRouter;
import io.leadlistener.lead.routing.RoutingRuleStore;
import io.leadlistener.lead.routing.RoutingRules;
import io.leadlistener.tenant.Tenant;
import io.leadlistener.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox worker's processing step: tag the message, and when it carries a sales intent, upsert the contact's
 * lead, route it to a pool and append {@code lead.created.v1} (first time only) and {@code lead.intent-tagged.v1}
 * to the outbox — all in the transaction that completes the inbox row.
 */
@ApplicationScoped
public class LeadCaptureHandler implements InboxMessageHandler {

    private final MessageTagger tagger;
    private final TenantDirectory tenants;
    private final Leads leads;
    private final RoutingRuleStore routing;
    private final Outbox outbox;
    private final CloudEventsJson cloudEvents;

    public LeadCaptureHandler(MessageTagger tagger, TenantDirectory tenants, Leads leads, RoutingRuleStore routing,
                              Outbox outbox, com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.tagger = tagger;
        this.tenants = tenants;
        this.leads = leads;
        this.routing = routing;
        this.outbox = outbox;
        this.cloudEvents = new CloudEventsJson(objectMapper);
    }

    @Override
    public ProcessingOutcome handle(InboxItem item) {
        if (item.payload() == null) {
            throw new IllegalStateException("inbox row " + item.id() + " has no payload (purged before processing)");
        }
        InboundMessage message = InboundMessageParser.parse(item.payload());
        Map<String, Object> facts = MessageFacts.of(message);
        Optional<TaggingResult> tagging = tagger.tag(item.tenantId(), message);
        if (tagging.isEmpty()) {
            return ProcessingOutcome.untagged(facts);
        }
        TaggingResult result = tagging.get();
        if (!result.intents().isEmpty()) {
            captureLead(item, message, result);
        }
        return new ProcessingOutcome(facts, Optional.of(tagger.stored(result)));
    }

    private void captureLead(InboxItem item, InboundMessage message, TaggingResult result) {
        Tenant tenant = tenants.find(item.tenantId()).orElseThrow(() ->
                new IllegalStateException("tenant '" + item.tenantId() + "' is no longer configured"));
        // A message to the app comes from an employee (WeCom userid): the contract's "internal" contact.
        LeadContact contact = new LeadContact(LeadIds.INTERNAL, message.fromUserName(), LeadEvent.WECOM_APP,
                null, null);
        String leadId = LeadIds.leadId(tenant.id(), contact.kind(), contact.id());
        // Read in this transaction: the routing version in force now, on whichever replica processes the message.
        RoutingRules routingRules = routing.current(tenant.id());
        LeadRouter.Route route = routingRules.route(result.intents()).orElseThrow();
        Instant sentAt = message.createTime() == null ? item.receivedAt() : Instant.ofEpochSecond(message.createTime());
        boolean created = leads.upsert(leadId, tenant.id(), contact, sentAt, result.intents(), route,
                routingRules.version());

        LeadEventData data = new LeadEventData(leadId, tenant.id(), tenant.corpId(),
                new LeadEventData.Contact(contact.id(), contact.kind(), contact.state()),
                contact.ownerUserId() == null ? null : new LeadEventData.Owner(contact.ownerUserId()),
                route.pool(), new LeadEventData.Routing(route.intent(), routingRules.version()),
                result.intents(),
                result.matches().stream().map(match -> new LeadEventData.Match(match.intent(), match.keyword(),
                        match.text(), match.start(), match.end())).toList(),
                new LeadEventData.Message(sourceMessageId(item, message), sentAt, message.content()),
                result.ruleSetVersion());
        if (!tenant.includeMessageText()) {
            data = data.withoutMessageText();
        }
        if (created) {
            append(LeadEvent.leadCreated(contact.channel(), item.receivedAt(), data));
        }
        append(LeadEvent.intentTagged(contact.channel(), item.receivedAt(), data));
    }

    private void append(LeadEvent event) {
        outbox.append(event.id(), event.leadId(), event.type().type(), event.time(), cloudEvents.toJson(event));
    }

    private static String sourceMessageId(InboxItem item, InboundMessage message) {
        return message.msgId() != null ? message.msgId() : "inbox-" + item.id();
    }
}
