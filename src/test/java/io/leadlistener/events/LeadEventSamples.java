package io.leadlistener.events;

import io.leadlistener.events.LeadEventData.Contact;
import io.leadlistener.events.LeadEventData.Match;
import io.leadlistener.events.LeadEventData.Message;
import io.leadlistener.events.LeadEventData.Owner;
import io.leadlistener.events.LeadEventData.Routing;
import java.time.Instant;
import java.util.List;

/** The events shown in docs/events/README.md, built through the public API. */
final class LeadEventSamples {

    static final String TENANT = "demo";
    static final String CORP_ID = "wx5823bf96d3bd56c7";
    static final String CUSTOMER = "wmEAAAexample0001";
    static final String MESSAGE_ID = "7300000000000000001";
    static final String TEXT = "能给个报价吗？也想要样品";
    static final Instant SENT_AT = Instant.parse("2026-11-23T08:00:00Z");
    static final Instant RECEIVED_AT = Instant.parse("2026-11-23T08:00:01.250Z");
    /** The inbox dedupe key of the 客户联系 callback that reported the removal (docs/inbox.md). */
    static final String REMOVAL_DEDUPE_KEY =
            "wx5823bf96d3bd56c7|change_external_contact|del_external_contact|zhangsan|wmEAAAexample0001|1795514400";

    private LeadEventSamples() {
    }

    /** A 微信客服 message with two intents from a customer who came through the expo QR code. */
    static LeadEventData taggedMessage() {
        return new LeadEventData(LeadIds.leadId(TENANT, LeadIds.EXTERNAL, CUSTOMER), TENANT, CORP_ID,
                new Contact(CUSTOMER, LeadIds.EXTERNAL, "expo2026"), new Owner("zhangsan"), "sample-desk",
                new Routing("sample", 12), List.of("sample", "quote"),
                List.of(new Match("sample", "样品", "样品", 10, 12), new Match("quote", "报价", "报价", 3, 5)),
                new Message(MESSAGE_ID, SENT_AT, TEXT), 12);
    }

    static LeadEvent leadCreatedByMessage() {
        return LeadEvent.leadCreated(LeadEvent.WECOM_KF, RECEIVED_AT, taggedMessage());
    }

    static LeadEvent intentTagged() {
        return LeadEvent.intentTagged(LeadEvent.WECOM_KF, RECEIVED_AT, taggedMessage());
    }

    /** The same message for a tenant with {@code include-message-text=false}. */
    static LeadEvent intentTaggedWithoutText() {
        return LeadEvent.intentTagged(LeadEvent.WECOM_KF, RECEIVED_AT, taggedMessage().withoutMessageText());
    }

    /**
     * A new external contact without any message: no owner known to the contact event here, default pool, no rule set
     * ({@code ruleSetVersion} 0).
     */
    static LeadEvent leadCreatedByContactEvent() {
        String customer = "wmEAAAexample0002";
        LeadEventData data = new LeadEventData(LeadIds.leadId(TENANT, LeadIds.EXTERNAL, customer), TENANT, CORP_ID,
                new Contact(customer, LeadIds.EXTERNAL, null), null, "inbound-desk", new Routing(null, 12),
                List.of(), List.of(), null, 0);
        return LeadEvent.leadCreated(LeadEvent.WECOM_CONTACT, Instant.parse("2026-11-23T09:30:00Z"), data);
    }

    /**
     * The removal of the expo customer: WeCom's removal callbacks carry no {@code State}, and a contact event is tagged
     * with no rule set ({@code ruleSetVersion} 0); pool and routing are the lead's.
     */
    static LeadEvent contactRemoved() {
        LeadEventData data = new LeadEventData(LeadIds.leadId(TENANT, LeadIds.EXTERNAL, CUSTOMER), TENANT, CORP_ID,
                new Contact(CUSTOMER, LeadIds.EXTERNAL, null), new Owner("zhangsan"), "sample-desk",
                new Routing("sample", 12), List.of(), List.of(), null, 0);
        return LeadEvent.contactRemoved(LeadEvent.WECOM_CONTACT, Instant.parse("2026-11-24T10:00:00Z"), data,
                REMOVAL_DEDUPE_KEY);
    }

    static List<LeadEvent> all() {
        return List.of(leadCreatedByMessage(), intentTagged(), intentTaggedWithoutText(), leadCreatedByContactEvent(),
                contactRemoved());
    }
}
