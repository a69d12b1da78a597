package io.leadlistener.kf;

import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.ChatContact;
import io.leadlistener.inbox.ChatMessage;
import io.leadlistener.inbox.InboxItem;
import io.leadlistener.inbox.InboxReading;
import io.leadlistener.inbox.MessageSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a pulled 微信客服 message reads: the customer's ({@code external}) chat message, like their contact events. */
@ApplicationScoped
public class KfMessageSource implements MessageSource {

    @Override
    public String name() {
        return KfMessage.SOURCE;
    }

    @Override
    public InboxReading read(InboxItem item) {
        KfMessage kf = KfMessage.parse(item.payload());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", kf.msgType());
        facts.put("from", kf.externalUserId());
        facts.put("openKfId", kf.openKfId());
        facts.put("contentLength", kf.text() == null ? 0 : kf.text().length());
        facts.put("createTime", kf.sendTime().toString());
        if (!"text".equals(kf.msgType())) {
            return new InboxReading.Untaggable(facts);
        }
        ChatContact contact = new ChatContact(LeadIds.EXTERNAL, kf.externalUserId(), LeadEvent.WECOM_KF, null, null);
        return new InboxReading.Message(new ChatMessage(contact, kf.msgId(), kf.text(), kf.sendTime()), facts);
    }

    @Override
    public String textOf(String payload) {
        return KfMessage.parse(payload).text();
    }
}
