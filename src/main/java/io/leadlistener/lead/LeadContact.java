package io.leadlistener.lead;

/**
 * Who a lead is, in the contract's identity space: {@code kind} {@code external} (WeCom external_userid),
 * {@code internal} (WeCom userid) or {@code api} (ingestion API, id {@code channel:contactId}).
 *
 * @param channel the event source channel: wecom-app, wecom-contact, wecom-kf, api
 * @param state   the 渠道活码 state of an external contact (e.g. an expo), when known
 * @param ownerUserId the employee who owns the chat, when known
 */
public record LeadContact(String kind, String id, String channel, String state, String ownerUserId) {
}
