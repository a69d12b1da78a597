package io.leadlistener.callback;

import io.leadlistener.inbox.NewInboxMessage;
import io.leadlistener.wecom.xml.InboundMessage;
import java.time.Instant;

/** Turns a verified, parsed WeCom callback into the row the inbox stores. */
final class InboxMessages {

    static final String SOURCE = "wecom-callback";

    private InboxMessages() {
    }

    static NewInboxMessage fromCallback(TenantCallback target, InboundMessage message, String plaintextXml) {
        return new NewInboxMessage(
                target.tenant().id(),
                target.callbackName(),
                SOURCE,
                message.dedupeKey(target.tenant().corpId()),
                message.contactKey(),
                message.msgType(),
                message.event(),
                message.changeType(),
                message.fromUserName(),
                message.msgId(),
                message.createTime() == null ? null : Instant.ofEpochSecond(message.createTime()),
                message.content() == null ? 0 : message.content().length(),
                plaintextXml);
    }
}
