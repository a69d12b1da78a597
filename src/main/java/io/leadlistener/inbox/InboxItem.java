package io.leadlistener.inbox;

import java.time.Instant;

/**
 * A claimed inbox row, handed to the {@link InboxMessageHandler}. {@code payload} may hold customer text.
 *
 * @param dedupeKey  the key that made redeliveries of the same callback one row (an event's identity when it has no
 *                   message id)
 * @param traceParent the W3C traceparent of the request that stored the row; null when tracing was off
 */
public record InboxItem(long id, String tenantId, String callbackName, String source, String contactKey,
                        String msgType, String msgId, String payload, int attempts, Instant receivedAt,
                        String dedupeKey, String traceParent) {

    @Override
    public String toString() {
        return "InboxItem[id=" + id + ", tenant=" + tenantId + ", contact=" + contactKey + ", type=" + msgType
                + ", msgId=" + msgId + ", attempts=" + attempts + "]";
    }
}
