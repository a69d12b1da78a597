package io.leadlistener.callback;

import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.ChatContact;
import io.leadlistener.inbox.ChatMessage;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxReading;
import io.leadlistener.inbox.InboxReading.ContactChangeKind;
import io.leadlistener.inbox.MessageSource;
import io.leadlistener.kf.KfPull;
import io.leadlistener.wecom.xml.InboundMessage;
import io.leadlistener.wecom.xml.InboundMessageParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a stored WeCom callback (the decrypted inner XML) reads: a text message to the app is a chat message of an
 * employee ({@code internal}); a 客户联系 change is a contact change of the customer ({@code external}); a 微信客服
 * notification asks for its messages to be pulled; the rest is untaggable.
 */
@ApplicationScoped
public class CallbackMessageSource implements MessageSource {

    /** The 客户联系 change types that make the customer a lead, and those that remove it. */
    static final Set<String> ADDED = Set.of("add_external_contact", "add_half_external_contact",
            "edit_external_contact");
    static final Set<String> REMOVED = Set.of("del_external_contact", "del_follow_user");

    private final KfPull kfPull;
    private final RecentlyParsedCallbacks recentlyParsed;

    public CallbackMessageSource(KfPull kfPull, RecentlyParsedCallbacks recentlyParsed) {
        this.kfPull = kfPull;
        this.recentlyParsed = recentlyParsed;
    }

    @Override
    public String name() {
        return InboxMessages.SOURCE;
    }

    @Override
    public InboxReading read(InboxItem item) {
        InboundMessage message = recentlyParsed.parse(item.tenantId(), item.dedupeKey(), item.payload());
        Map<String, Object> facts = MessageFacts.of(message);
        if (message.isEvent(InboundMessage.EVENT_CHANGE_EXTERNAL_CONTACT)) {
            return contactChange(item, message, facts);
        }
        if (message.isEvent(InboundMessage.EVENT_KF_MSG_OR_EVENT)) {
            return new InboxReading.Notification(facts,
                    tenant -> kfPull.pull(item, tenant, message.openKfId(), message.token()));
        }
        if (!"text".equals(message.msgType())) {
            return new InboxReading.Untaggable(facts);
        }
        return new InboxReading.Message(appMessage(item, message), facts);
    }

    @Override
    public String textOf(String payload) {
        return InboundMessageParser.parse(payload).content();
    }

    @Override
    public boolean callsOut(String event) {
        return InboundMessage.EVENT_KF_MSG_OR_EVENT.equals(event);
    }

    /** A message to the app comes from an employee (WeCom userid): the contract's "internal" contact. */
    private static ChatMessage appMessage(InboxItem item, InboundMessage message) {
        ChatContact contact = new ChatContact(LeadIds.INTERNAL, message.fromUserName(), LeadEvent.WECOM_APP,
                null, null);
        String messageId = message.msgId() != null ? message.msgId() : "inbox-" + item.id();
        return new ChatMessage(contact, messageId, message.content(), sentAt(item, message));
    }

    /**
     * The customer of a 客户联系 change, with the 渠道活码 {@code State} as its channel state and the employee as owner;
     * the same lead the customer's 微信客服 messages reach (kind {@code external}, id {@code external_userid}).
     */
    private static InboxReading contactChange(InboxItem item, InboundMessage change, Map<String, Object> facts) {
        Map<String, Object> withType = new LinkedHashMap<>(facts);
        withType.put("changeType", change.changeType());
        ContactChangeKind kind = ADDED.contains(change.changeType()) ? ContactChangeKind.ADDED
                : REMOVED.contains(change.changeType()) ? ContactChangeKind.REMOVED : ContactChangeKind.OTHER;
        String externalUserId = change.externalUserId();
        ChatContact contact = externalUserId == null || externalUserId.isBlank() ? null
                : new ChatContact(LeadIds.EXTERNAL, externalUserId, LeadEvent.WECOM_CONTACT,
                blankToNull(change.state()), blankToNull(change.userId()));
        return new InboxReading.ContactChange(kind, contact, sentAt(item, change), withType);
    }

    private static Instant sentAt(InboxItem item, InboundMessage message) {
        return message.createTime() == null ? item.receivedAt() : Instant.ofEpochSecond(message.createTime());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
