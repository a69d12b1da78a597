package io.leadlistener.lead;

import io.leadlistener.events.LeadEventData;

/**
 * Who a lead is, in the contract's identity space: {@code kind} {@code external} (WeCom external_userid),
 * {@code internal} (WeCom userid) or {@code api} (ingestion API, id {@code channel:contactId}).
 *
 * @param channel the event source channel: wecom-app, wecom-contact, wecom-kf, api
 * @param state   the 渠道活码 state of an external contact (e.g. an expo), when known
 * @param ownerUserId the employee who owns the chat, when known
 */
public record LeadContact(String kind, String id, String channel, String state, String ownerUserId) {

    /** The contact as lead events carry it. */
    LeadEventData.Contact asEventContact() {
        return new LeadEventData.Contact(id, kind, state);
    }

    /** The owner as lead events carry it; {@code null} when not known. */
    LeadEventData.Owner asEventOwner() {
        return ownerUserId == null ? null : new LeadEventData.Owner(ownerUserId);
    }
}
