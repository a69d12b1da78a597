package io.leadlistener.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadlistener.events.LeadEvent;
import io.leadlistener.events.LeadIds;
import io.leadlistener.inbox.ChatContact;
import io.leadlistener.inbox.ChatMessage;
import io.leadlistener.inbox.NewInboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * How an ingested message is kept in the inbox, and read back by the worker. The row's payload is the message as
 * JSON (customer text: purged with the rest after retention); the dedupe key is (channel, messageId), so a
 * pipeline's retry stores nothing new; the contact key puts an {@code external} contact's messages in line with
 * that customer's other rows (contact events, 微信客服).
 */
@ApplicationScoped
public class IngestedMessages {

    /** Inbox {@code source} of ingested messages. */
    public static final String SOURCE = "api";

    private final ObjectMapper objectMapper;

    public IngestedMessages(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** What the payload keeps: the message and the name of the token that sent it (audit). */
    record StoredMessage(String contactId, String messageId, String text, Instant sentAt, String ownerUserId,
                         String channel, String contactKind, String sentBy) {
    }

    public NewInboxMessage toInbox(IngestedMessage message, String sentBy) {
        StoredMessage stored = new StoredMessage(message.contactId(), message.messageId(), message.text(),
                message.sentAt(), message.ownerUserId(), message.channel(), message.contactKind(), sentBy);
        return new NewInboxMessage(message.tenant(), "", SOURCE, dedupeKey(message.channel(), message.messageId()),
                contactKey(message), "text", null, null, message.contactId(), message.messageId(), message.sentAt(),
                message.text().length(), json(stored));
    }

    /** The worker's view of a stored row. */
    public ChatMessage fromInbox(String payload) {
        StoredMessage stored;
        try {
            stored = objectMapper.readValue(payload, StoredMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ingested inbox payload is not the expected JSON", e);
        }
        ChatContact contact = IngestedMessage.KIND_EXTERNAL.equals(stored.contactKind())
                ? new ChatContact(LeadIds.EXTERNAL, stored.contactId(), LeadEvent.API, null, stored.ownerUserId())
                : new ChatContact(LeadIds.API, stored.channel() + ":" + stored.contactId(), LeadEvent.API, null,
                stored.ownerUserId());
        // {channel}:{messageId}, like the contact id: keeps two pipelines' ids, and WeCom's MsgIds, apart in the
        // event ids derived from it.
        return new ChatMessage(contact, stored.channel() + ":" + stored.messageId(), stored.text(),
                stored.sentAt());
    }

    static String dedupeKey(String channel, String messageId) {
        return "api|" + escape(channel) + "|" + escape(messageId);
    }

    private static String contactKey(IngestedMessage message) {
        return IngestedMessage.KIND_EXTERNAL.equals(message.contactKind()) ? "external:" + message.contactId()
                : "api:" + message.channel() + ":" + message.contactId();
    }

    private static String escape(String component) {
        return component.replace("%", "%25").replace("|", "%7C");
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
