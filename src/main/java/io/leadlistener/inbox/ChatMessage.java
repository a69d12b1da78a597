package io.leadlistener.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat message from any source (app callback, 微信客服 pull, ingestion API), reduced to what lead capture needs.
 *
 * @param messageId the source's own id (WeCom MsgId, kf msgid, the caller's messageId): with the rule version it
 *                  makes the {@code lead.intent-tagged.v1} id, so a re-delivered message is never a new event
 * @param text      may be null or blank: nothing to tag
 */
public record ChatMessage(ChatContact contact, String messageId, String text, Instant sentAt) {

    public ChatMessage {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
