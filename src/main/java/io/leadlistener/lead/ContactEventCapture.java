package io.leadlistener.lead;

import io.leadlistener.callback.xml.InboundMessage;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadEventData;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.lead.routing.RoutingRuleStore;
import io.leadlistener.lead.routing.RoutingRules;
import io.leadlistener.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customer-contact changes (客户联系 · 变更回调): a newly added external contact is a lead at once — before any
 * message, with the 渠道活码 {@code State} as its channel state and the employee as owner — and a removed contact
 * becomes {@code lead.contact-removed.v1}. The lead is the same one the customer's 微信客服 messages reach (contact
 * kind {@code external}, id {@code external_userid}).
 */
@ApplicationScoped
public class ContactEventCapture {

    static final Set<String> ADDED = Set.of("add_external_contact", "add_half_external_contact",
            "edit_external_contact");
    static final Set<String> REMOVED = Set.of("del_external_contact", "del_follow_user");

    private final Leads leads;
    private final RoutingRuleStore routing;
    private final LeadEventWriter events;

    public ContactEventCapture(Leads leads, RoutingRuleStore routing, LeadEventWriter events) {
        this.leads = leads;
        this.routing = routing;
        this.events = events;
    }

    /** @return the row's facts, with what became of the lead */
    public Map<String, Object> capture(InboxItem item, Tenant tenant, InboundMessage change,
                                       Map<String, Object> facts) {
        Map<String, Object> outcome = new LinkedHashMap<>(facts);
        outcome.put("changeType", change.changeType());
        String externalUserId = change.externalUserId();
        if (externalUserId == null || externalUserId.isBlank()) {
            outcome.put("lead", "none: the event names no ExternalUserID");
            return outcome;
        }
        LeadContact contact = new LeadContact(LeadIds.EXTERNAL, externalUserId, LeadEvent.WECOM_CONTACT,
                blankToNull(change.state()), blankToNull(change.userId()));
        String leadId = LeadIds.leadId(tenant.id(), contact.kind(), contact.id());
        outcome.put("leadId", leadId);
        Instant changedAt = change.createTime() == null ? item.receivedAt() : Instant.ofEpochSecond(change.createTime());
        if (ADDED.contains(change.changeType())) {
            RoutingRules rules = routing.currentForTransaction(tenant.id());
            Leads.ContactUpsert lead = leads.upsertContact(leadId, tenant.id(), contact, changedAt,
                    rules.defaultPool(), rules.version());
            outcome.put("lead", lead.created() ? "created" : "updated");
            if (lead.created()) {
                events.append(LeadEvent.leadCreated(contact.channel(), item.receivedAt(),
                        data(tenant, leadId, contact, lead)));
            }
        } else if (REMOVED.contains(change.changeType())) {
            Optional<Leads.ContactUpsert> lead = leads.find(leadId);
            if (lead.isEmpty()) {
                outcome.put("lead", "none: removed before it was ever a lead");
            } else {
                outcome.put("lead", "removed");
                events.append(LeadEvent.contactRemoved(contact.channel(), item.receivedAt(),
                        data(tenant, leadId, contact, lead.get()), item.dedupeKey()));
            }
        } else {
            outcome.put("lead", "unchanged: change type not handled");
        }
        return outcome;
    }

    private static LeadEventData data(Tenant tenant, String leadId, LeadContact contact, Leads.ContactUpsert lead) {
        LeadEventData data = new LeadEventData(leadId, tenant.id(), tenant.corpId(),
                contact.asEventContact(), contact.asEventOwner(),
                lead.pool(), new LeadEventData.Routing(lead.routingIntent(), lead.routingVersion()), List.of(),
                List.of(), null, 0);
        return tenant.includeMessageText() ? data : data.withoutMessageText();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
