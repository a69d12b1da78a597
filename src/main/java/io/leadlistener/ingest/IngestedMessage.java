package io.leadlistener.ingest;

import java.time.Instant;

/**
 * One message handed to the ingestion API, validated.
 *
 * @param channel     the sender's channel name (default {@code api}); with {@code messageId} the idempotency key
 * @param contactKind {@code api} (default: the contact is {@code channel:contactId}) or {@code external} (a WeCom
 *                    {@code external_userid}: the message joins that customer's lead)
 * @param sentAt      when the customer sent it; the time of receipt when the caller did not say
 */
public record IngestedMessage(String tenant, String contactId, String messageId, String text, Instant sentAt,
                              String ownerUserId, String channel, String contactKind) {

    public static final String DEFAULT_CHANNEL = "api";
    public static final String KIND_API = "api";
    public static final String KIND_EXTERNAL = "external";

    @Override
    public String toString() { // never the text: it is the customer's
        return "IngestedMessage[tenant=" + tenant + ", channel=" + channel + ", messageId=" + messageId
                + ", contactKind=" + contactKind + ", textLength=" + (text == null ? 0 : text.length()) + "]";
    }
}
