package io.leadlistener.inbox;

/**
 * Who wrote a chat message or whose contact changed, in the event contract's identity space, as the row's source
 * reads it: {@code kind} {@code external} (a customer: WeCom external_userid), {@code internal} (staff: a WeCom
 * userid writing to the app) or {@code api} (ingestion API, id {@code channel:contactId}).
 *
 * @param channel     the event source channel: wecom-app, wecom-contact, wecom-kf, api
 * @param state       the 渠道活码 state of an external contact (e.g. an expo), when known
 * @param ownerUserId the employee who owns the chat, when known
 */
public record ChatContact(String kind, String id, String channel, String state, String ownerUserId) {
}
