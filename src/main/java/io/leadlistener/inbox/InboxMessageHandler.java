package io.leadlistener.inbox;

/**
 * The processing step of the inbox worker. It runs inside the transaction that marks the row done, so whatever it
 * writes to the database commits together with the completion, or not at all.
 * <p>
 * Throwing marks the attempt failed: the row is retried with backoff and parked after the configured attempts.
 */
public interface InboxMessageHandler {

    ProcessingOutcome handle(InboxItem item) throws Exception;
}
