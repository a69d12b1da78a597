package io.leadlistener.lead;

import io.leadlistener.actions.CustomerProfiles;
import io.leadlistener.actions.CustomerTags;
import io.leadlistener.actions.LeadAlerts;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadEventData;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.ChatContact;
import io.leadlistener.inbox.ChatMessage;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.intent.MessageTagger;
import io.leadlistener.intent.engine.TaggingResult;
import io.leadlistener.lead.routing.LeadRouter;
import io.leadlistener.lead.routing.PoolRecipients;
import io.leadlistener.lead.routing.RoutingRuleStore;
import io.leadlistener.lead.routing.RoutingRules;
import io.leadlistener.stats.HourlyCounters;
import io.leadlistener.stats.StatsCounter;
import io.leadlistener.stats.StatsDimension;
import io.leadlistener.stats.StatsMeasure;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer message from any source: tag it and, when it carries a sales intent, upsert the contact's lead, route
 * it to a pool and append {@code lead.created.v1} (first time only) and {@code lead.intent-tagged.v1} — in the
 * transaction that completes the inbox row.
 */
@ApplicationScoped
public class MessageCapture {

    private final MessageTagger tagger;
    private final Leads leads;
    private final RoutingRuleStore routing;
    private final LeadEventWriter events;
    /** The contact kind of a WeCom customer (external_userid). */
    private static final String EXTERNAL = "external";

    private final LeadAlerts alerts;
    private final CustomerTags customerTags;
    private final CustomerProfiles profiles;
    private final HourlyCounters counters;

    public MessageCapture(MessageTagger tagger, Leads leads, RoutingRuleStore routing, LeadEventWriter events,
                          LeadAlerts alerts, CustomerTags customerTags, CustomerProfiles profiles,
                          HourlyCounters counters) {
        this.profiles = profiles;
        this.counters = counters;
        this.alerts = alerts;
        this.customerTags = customerTags;
        this.tagger = tagger;
        this.leads = leads;
        this.routing = routing;
        this.events = events;
    }

    /** @return the tagging, empty when the message had no text to tag */
    public Optional<TaggingResult> capture(InboxItem item, Tenant tenant, ChatMessage message) {
        Optional<TaggingResult> tagging = tagger.tagText(tenant.id(), message.text());
        if (tagging.isPresent() && !tagging.get().intents().isEmpty()) {
            CapturedLead lead = captureLead(item, tenant, message, tagging.get(), tagging.get().intents(), true);
            alert(tenant, message, tagging.get(), lead);
            tagCustomer(tenant, message, tagging.get(), lead);
        }
        return tagging;
    }

    /**
     * The alert in WeCom — to the owner, else the pool's recipients — in this transaction (a re-tag alerts nobody: it
     * is not a new message).
     */
    private void alert(Tenant tenant, ChatMessage message, TaggingResult result, CapturedLead lead) {
        if (!alerts.actsFor(tenant)) {
            return;
        }
        ChatContact contact = message.contact();
        PoolRecipients recipients = lead.routing().recipientsOf(lead.upsert().pool());
        List<String> words = result.matches().stream().map(match -> match.text()).distinct().toList();
        alerts.messageTagged(tenant,
                new LeadAlerts.TaggedMessage(lead.leadId(), customer(contact, lead.upsert()), message.messageId(),
                        result.intents(), words, tenant.includeMessageText() ? message.text() : null),
                new LeadAlerts.Audience(lead.upsert().owner(), lead.upsert().pool(), recipients.users(),
                        recipients.departments(), recipients.robots()));
    }

    /**
     * The customer in WeCom, in this transaction: an external contact with a follow user (the lead's owner) is marked
     * with each intent it has not been marked with before, and a new lead's profile is fetched.
     */
    private void tagCustomer(Tenant tenant, ChatMessage message, TaggingResult result, CapturedLead lead) {
        ChatContact contact = message.contact();
        if (!EXTERNAL.equals(contact.kind())) {
            return;
        }
        if (customerTags.marksFor(tenant)) {
            customerTags.messageTagged(tenant, lead.leadId(), contact.id(), lead.upsert().owner(),
                    message.messageId(), result.intents());
        }
        if (lead.upsert().created()) {
            profiles.fetch(tenant, lead.leadId(), contact.id(), contact.channel(), "created");
        }
    }

    /**
     * The stats' counters, in the hour the message's callback arrived: a message is counted as tagged once, at its
     * first processing (in total, per intent, pool, channel and matched keyword); a lead when the message created it
     * (a re-tag can, too).
     */
    private void count(InboxItem item, Tenant tenant, TaggingResult result, Leads.MessageUpsert lead, String channel,
                       boolean firstCapture) {
        List<StatsCounter> added = new ArrayList<>();
        if (firstCapture) {
            added.addAll(StatsCounter.oneOf(StatsMeasure.MESSAGES_TAGGED, result.intents(), lead.pool(), channel));
            added.addAll(StatsCounter.oneUnderEach(StatsMeasure.MESSAGES_TAGGED, StatsDimension.KEYWORD,
                    result.matches().stream().map(match -> match.keyword()).toList()));
        }
        if (lead.created()) {
            added.addAll(StatsCounter.oneOf(StatsMeasure.LEADS_CREATED, result.intents(), lead.pool(), channel));
        }
        counters.add(tenant.id(), item.receivedAt(), added);
    }

    /** The customer as an alert names them: their name from WeCom's profile, with the contact id to tell apart. */
    private static String customer(ChatContact contact, Leads.MessageUpsert lead) {
        return lead.name() == null || lead.name().isBlank() ? contact.id() : lead.name() + "（" + contact.id() + "）";
    }

    /** The lead a message left, with the routing version that routed it. */
    private record CapturedLead(String leadId, Leads.MessageUpsert upsert, RoutingRules routing, int eventsAppended) {
    }

    /**
     * Announces a processed message whose intents changed under a newer rule version (a re-tag): the lead records the
     * intents it gained and {@code lead.intent-tagged.v1} carries the new set, with an id derived from (tenant,
     * message, version) so re-running the same re-tag appends nothing new. A message that lost every intent is not
     * announced: the event type promises at least one intent (docs/events/README.md); its stored tags show the change.
     *
     * @param previous the message's intents as last recorded (and announced)
     * @return how many events were appended: 0 when the message now has no intent
     */
    public int retag(InboxItem item, Tenant tenant, ChatMessage message, TaggingResult result,
                     List<String> previous) {
        if (result.intents().isEmpty()) {
            return 0;
        }
        List<String> gained = result.intents().stream().filter(intent -> !previous.contains(intent)).toList();
        return captureLead(item, tenant, message, result, gained, false).eventsAppended();
    }

    /**
     * @param firstCapture the message's first processing (not a re-tag): it is counted in the stats and its
     *                     {@code lead.intent-tagged.v1} measures capture latency
     */
    private CapturedLead captureLead(InboxItem item, Tenant tenant, ChatMessage message, TaggingResult result,
                                     List<String> intentsToCount, boolean firstCapture) {
        ChatContact contact = message.contact();
        String leadId = LeadIds.leadId(tenant.id(), contact.kind(), contact.id());
        // Read in this transaction: the routing version in force now, on whichever replica processes the message.
        RoutingRules routingRules = routing.currentForTransaction(tenant.id());
        LeadRouter.Route route = routingRules.route(result.intents()).orElseThrow();
        Leads.MessageUpsert lead = leads.upsert(leadId, tenant.id(), contact, message.sentAt(), item.receivedAt(),
                intentsToCount, route, routingRules.version());
        boolean created = lead.created();

        LeadEventData data = new LeadEventData(leadId, tenant.id(), tenant.corpId(),
                EventContacts.contact(contact), EventContacts.owner(contact),
                route.pool(), new LeadEventData.Routing(route.intent(), routingRules.version()),
                result.intents(),
                result.matches().stream().map(match -> new LeadEventData.Match(match.intent(), match.keyword(),
                        match.text(), match.start(), match.end(), match.parts().stream()
                        .map(part -> new LeadEventData.Part(part.text(), part.start(), part.end())).toList()))
                        .toList(),
                new LeadEventData.Message(message.messageId(), message.sentAt(), message.text()),
                result.ruleSetVersion());
        if (!tenant.includeMessageText()) {
            data = data.withoutMessageText();
        }
        if (created) {
            events.append(LeadEvent.leadCreated(contact.channel(), item.receivedAt(), data));
        }
        LeadEvent tagged = LeadEvent.intentTagged(contact.channel(), item.receivedAt(), data);
        if (firstCapture) {
            events.appendFirstCapture(tagged);
        } else {
            events.append(tagged);
        }
        count(item, tenant, result, lead, contact.channel(), firstCapture);
        return new CapturedLead(leadId, lead, routingRules, created ? 2 : 1);
    }
}
