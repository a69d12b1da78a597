package io.leadlistener.inbox;

/**
 * One kind of inbox row — the WeCom callback, pulled 微信客服 messages, the ingestion API, later others — that knows how
 * its own payload reads. Each is a bean; {@link MessageSources} finds the one named by a row's {@code source}.
 */
public interface MessageSource {

    /** The inbox row's {@code source} this reads; stored in every row, so never renamed. */
    String name();

    /** What a stored row means; pure (no remote call, no write), so re-tags and previews read rows through it too. */
    InboxReading read(InboxItem item);

    /** The text of a stored payload; null when the message has none (an event, an image). */
    String textOf(String payload);

    /**
     * Whether processing a row with this event calls a remote API: such rows get a transaction of their own, so a slow
     * API never holds the locks of a batch of other contacts' rows.
     */
    default boolean callsOut(String event) {
        return false;
    }
}
