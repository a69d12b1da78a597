package io.leadlistener.lead;

import io.leadlistener.actions.CustomerProfiles;
import io.leadlistener.actions.LeadAlerts;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadEventData;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.ChatContact;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxReading;
import io.leadlistener.lead.routing.RoutingRuleStore;
import io.leadlistener.lead.routing.RoutingRules;
import io.leadlistener.stats.HourlyCounters;
import io.leadlistener.stats.StatsCounter;
import io.leadlistener.stats.StatsMeasure;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer-contact changes, as the row's source reads them (today WeCom's 客户联系 变更回调): an added contact is a lead
 * at once — before any message, with its channel state (渠道活码 {@code State}) and the employee as owner — and a
 * removed contact becomes {@code lead.contact-removed.v1}. For a WeCom customer the lead is the same one their
 * 微信客服 messages reach (contact kind {@code external}, id {@code external_userid}).
 */
@ApplicationScoped
public class ContactEventCapture {

    private final Leads leads;
    private final RoutingRuleStore routing;
    private final LeadEventWriter events;
    private final LeadAlerts alerts;
    private final CustomerProfiles profiles;
    private final HourlyCounters counters;

    public ContactEventCapture(Leads leads, RoutingRuleStore routing, LeadEventWriter events, LeadAlerts alerts,
                               CustomerProfiles profiles, HourlyCounters counters) {
        this.profiles = profiles;
        this.counters = counters;
        this.leads = leads;
        this.routing = routing;
        this.events = events;
        this.alerts = alerts;
    }

    /** @return the row's facts, with what became of the lead */
    public Map<String, Object> capture(InboxItem item, Tenant tenant, InboxReading.ContactChange change) {
        Map<String, Object> outcome = new LinkedHashMap<>(change.facts());
        ChatContact contact = change.contact();
        if (contact == null) {
            outcome.put("lead", "none: the event names no contact");
            return outcome;
        }
        String leadId = LeadIds.leadId(tenant.id(), contact.kind(), contact.id());
        outcome.put("leadId", leadId);
        switch (change.change()) {
            case ADDED -> {
                RoutingRules rules = routing.currentForTransaction(tenant.id());
                Leads.ContactUpsert lead = leads.upsertContact(leadId, tenant.id(), contact, change.changedAt(),
                        item.receivedAt(), rules.defaultPool(), rules.version());
                outcome.put("lead", lead.created() ? "created" : "updated");
                if (lead.created()) {
                    counters.add(tenant.id(), item.receivedAt(), StatsCounter.oneOf(StatsMeasure.LEADS_CREATED,
                            List.of(), lead.pool(), contact.channel()));
                    events.append(LeadEvent.leadCreated(contact.channel(), item.receivedAt(),
                            data(tenant, leadId, contact, lead)));
                }
                // Each add is the salesperson's new relationship, even with a customer a colleague already has.
                alerts.contactAdded(tenant, leadId, contact.ownerUserId(), contact.id(),
                        contact.state(), item.dedupeKey());
                // The follow users changed (or the lead is new): read the profile again.
                if ("external".equals(contact.kind())) {
                    profiles.fetch(tenant, leadId, contact.id(), contact.channel(), item.dedupeKey());
                }
            }
            case REMOVED -> {
                Optional<Leads.ContactUpsert> lead = leads.find(leadId);
                if (lead.isEmpty()) {
                    outcome.put("lead", "none: removed before it was ever a lead");
                } else {
                    outcome.put("lead", "removed");
                    leads.markContactRemoved(leadId, change.changedAt());
                    events.append(LeadEvent.contactRemoved(contact.channel(), item.receivedAt(),
                            data(tenant, leadId, contact, lead.get()), item.dedupeKey()));
                }
            }
            case OTHER -> outcome.put("lead", "unchanged: change type not handled");
        }
        return outcome;
    }

    private static LeadEventData data(Tenant tenant, String leadId, ChatContact contact, Leads.ContactUpsert lead) {
        LeadEventData data = new LeadEventData(leadId, tenant.id(), tenant.corpId(),
                EventContacts.contact(contact), EventContacts.owner(contact),
                lead.pool(), new LeadEventData.Routing(lead.routingIntent(), lead.routingVersion()), List.of(),
                List.of(), null, 0);
        return tenant.includeMessageText() ? data : data.withoutMessageText();
    }
}
