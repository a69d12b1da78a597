package io.leadlistener.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A message or event about to enter the inbox. {@code payload} is the decrypted source document and may hold
 * customer text: it is never logged.
 */
public record NewInboxMessage(String tenantId, String callbackName, String source, String dedupeKey,
                              String contactKey, String msgType, String event, String changeType, String fromUser,
                              String msgId, Instant createdAtSource, int contentLength, String payload) {

    public NewInboxMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(callbackName, "callbackName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(contactKey, "contactKey");
        Objects.requireNonNull(msgType, "msgType");
    }

    @Override
    public String toString() {
        return "NewInboxMessage[tenant=" + tenantId + ", callback=" + callbackName + ", dedupeKey=" + dedupeKey
                + ", contact=" + contactKey + ", type=" + msgType + ", event=" + event + ", contentLength="
                + contentLength + "]";
    }
}
