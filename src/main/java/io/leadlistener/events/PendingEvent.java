package io.leadlistener.events;

/** An outbox row claimed for sending. */
record PendingEvent(long seq, String id, String leadId, String type, String payload, int attempts,
                    java.time.Instant timestamp) {
}
