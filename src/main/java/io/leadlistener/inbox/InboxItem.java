package io.leadlistener.inbox;

import java.time.Instant;

/** A claimed inbox row, handed to the {@link InboxMessageHandler}. {@code payload} may hold customer text. */
public record InboxItem(long id, String tenantId, String callbackName, String source, String contactKey,
                        String msgType, String msgId, String payload, int attempts, Instant receivedAt) {

    @Override
    public String toString() {
        return "InboxItem[id=" + id + ", tenant=" + tenantId + ", contact=" + contactKey + ", type=" + msgType
                + ", msgId=" + msgId + ", attempts=" + attempts + "]";
    }
}
